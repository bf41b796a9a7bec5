// demo.html
document.body.style.overflow = 'hidden';
document.querySelectorAll('.ov-amounts button').forEach(function (b) {
  b.addEventListener('click', function () { b.classList.toggle('picked'); });
});
