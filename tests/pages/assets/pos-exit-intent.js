// pos-exit-intent.html
// Exit intent: when the pointer leaves the window through the top edge, offer the newsletter.
document.addEventListener('mouseout', function onOut(event) {
  if (event.relatedTarget || event.clientY > 0) return;
  document.removeEventListener('mouseout', onOut);
  var shade = document.createElement('div');
  shade.id = 'leave-shade';
  shade.className = 'ov-backdrop';
  var box = document.createElement('div');
  box.id = 'leave-offer';
  box.className = 'ov-modal';
  box.innerHTML = '<button class="ov-close" aria-label="Close">×</button><h2>Wait! Before you go…</h2><p>Take 30% off your first year of Bookend Post. This offer disappears when you leave the page.</p><button class="btn">Claim my discount</button> <button class="btn ghost">No, I prefer to pay full price</button>';
  document.body.appendChild(shade);
  document.body.appendChild(box);
});
