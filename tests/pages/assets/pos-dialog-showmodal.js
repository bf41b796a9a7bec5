// pos-dialog-showmodal.html
document.getElementById('fund-dialog').showModal();
