// pos-strict-csp.html
document.body.style.overflow = 'hidden';
