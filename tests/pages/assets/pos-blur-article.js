// pos-blur-article.html
document.body.style.overflow = 'hidden';
