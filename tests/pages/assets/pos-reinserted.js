// pos-reinserted.html
document.body.style.overflow = 'hidden';
// A single-page app re-renders its layout 1.2 s after load: the appeal is removed and a fresh
// copy is inserted in the same place.
setTimeout(function () {
  ['rerender-shade', 'rerender-appeal'].forEach(function (id) {
    var old = document.getElementById(id);
    var fresh = old.cloneNode(true);
    fresh.removeAttribute('data-unveil-hidden');
    old.remove();
    document.body.appendChild(fresh);
  });
}, 1200);
