// pos-lang-es.html
document.body.style.overflow = 'hidden';
