// pos-html-overflow.html
document.documentElement.style.overflow = 'hidden';
