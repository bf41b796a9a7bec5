// pos-lang-fr.html
document.body.style.overflow = 'hidden';
