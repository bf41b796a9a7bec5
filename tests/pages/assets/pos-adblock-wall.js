// pos-adblock-wall.html
document.body.style.overflow = 'hidden';
