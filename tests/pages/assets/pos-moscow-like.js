// pos-moscow-like.html
document.body.style.overflow = 'hidden';
document.querySelector('.mo-later').addEventListener('click', function () {
  document.getElementById('mo-appeal').remove();
  document.getElementById('mo-shade').remove();
  document.body.style.overflow = '';
});
