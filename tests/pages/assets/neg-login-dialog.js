// neg-login-dialog.html
document.getElementById('open-login').addEventListener('click', function () {
  document.getElementById('login-box').showModal();
});
