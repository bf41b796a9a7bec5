// pos-bottom-sheet.html
document.body.style.overflow = 'hidden';
