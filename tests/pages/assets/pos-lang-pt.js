// pos-lang-pt.html
document.body.style.overflow = 'hidden';
