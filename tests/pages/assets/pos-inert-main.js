// pos-inert-main.html
document.body.style.overflow = 'hidden';
