// pos-lang-de.html
document.body.style.overflow = 'hidden';
document.querySelector('.story').classList.add('faded');
