// pos-newsletter-late.html
setTimeout(function () {
  var box = document.createElement('aside');
  box.id = 'corner-letter';
  box.className = 'ov-corner corner-letter';
  box.innerHTML = '<button class="ov-close" aria-label="Close">×</button><h3>Get the Observer in your inbox</h3><p>One email every Sunday with the week’s best local stories.</p><input type="email" placeholder="name@example.org" aria-label="Email"><button class="btn">Subscribe</button>';
  document.body.appendChild(box);
}, 1500);
