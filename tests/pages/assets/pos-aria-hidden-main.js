// pos-aria-hidden-main.html
document.body.style.overflow = 'hidden';
