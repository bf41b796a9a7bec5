// pos-donation-modal.html
document.body.style.overflow = 'hidden';
