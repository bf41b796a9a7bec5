// pos-backdrop-first.html
// The backdrop fades in first and the card follows a moment later, in another task: the
// overlay observer sees them in two separate batches, and the backdrop alone is no overlay.
window.addEventListener('load', function () {
  setTimeout(function () {
    var shade = document.createElement('div');
    shade.id = 'fade-shade';
    shade.className = 'ov-backdrop';
    document.body.appendChild(shade);
    setTimeout(function () {
      var card = document.createElement('div');
      card.id = 'fade-card';
      card.className = 'fade-card';
      card.innerHTML = '<h2>You have read all your free stories this month</h2><p>Subscribe for unlimited access to every article, the morning briefing and the archive. Cancel any time.</p><button class="btn">Subscribe now</button> <button class="btn ghost">Log in</button>';
      document.body.appendChild(card);
      document.documentElement.style.overflow = 'hidden';
    }, 400);
  }, 200);
});
