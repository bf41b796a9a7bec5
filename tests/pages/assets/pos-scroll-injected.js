// pos-scroll-injected.html
var shown = false;
window.addEventListener('scroll', function () {
  if (shown || window.scrollY < 400) return;
  shown = true;
  var shade = document.createElement('div');
  shade.id = 'scroll-shade';
  shade.className = 'ov-backdrop';
  var wall = document.createElement('div');
  wall.id = 'scroll-wall';
  wall.className = 'ov-modal';
  wall.setAttribute('role', 'dialog');
  wall.innerHTML = '<h2>Enjoying this story?</h2><p>You have reached the end of your free preview. Subscribe to read the rest of this article and all of Metro Evening.</p><button class="btn">Subscribe now</button>';
  document.body.appendChild(shade);
  document.body.appendChild(wall);
  document.body.style.overflow = 'hidden';
}, { passive: true });
