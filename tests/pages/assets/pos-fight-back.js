// pos-fight-back.html
document.body.style.overflow = 'hidden';
// Anti-blocker script: when the appeal is not displayed any more, put a fresh copy back
// (three times at most, like real scripts that give up).
var attempts = 0;
var timer = setInterval(function () {
  var box = document.getElementById('stubborn-appeal');
  if (attempts >= 3) { clearInterval(timer); return; }
  if (box && getComputedStyle(box).display !== 'none') return;
  attempts++;
  var fresh = box.cloneNode(true);
  fresh.removeAttribute('data-unveil-hidden');
  box.replaceWith(fresh);
}, 400);
