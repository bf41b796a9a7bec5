// pos-body-fixed-top.html
// Like many paywall scripts: remember the scroll position, pin the body with a negative top,
// then show the sheet. The reader was 600 px down the page when it appeared.
window.addEventListener('load', function () {
  window.scrollTo(0, 600);
  setTimeout(function () {
    var y = window.scrollY;
    document.body.style.position = 'fixed';
    document.body.style.top = '-' + y + 'px';
    document.body.style.width = '100%';
    var shade = document.createElement('div');
    shade.id = 'pin-shade';
    shade.className = 'ov-backdrop';
    var sheet = document.createElement('div');
    sheet.id = 'pin-sheet';
    sheet.className = 'lock-sheet';
    sheet.innerHTML = '<h2>This story is for members</h2><p>Members read without limits, get the weekly river report and support reporting on shipping and farming. Your first month costs one euro.</p><button class="btn">Become a member</button> <button class="btn ghost">I already have an account</button>';
    document.body.appendChild(shade);
    document.body.appendChild(sheet);
  }, 200);
});
