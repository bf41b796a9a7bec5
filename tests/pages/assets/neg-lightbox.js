// neg-lightbox.html
document.getElementById('open-photo').addEventListener('click', function () {
  document.getElementById('zoom-layer').classList.add('open');
  document.body.style.overflow = 'hidden';
});
