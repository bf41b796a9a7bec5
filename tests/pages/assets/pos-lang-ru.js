// pos-lang-ru.html
document.body.style.overflow = 'hidden';
