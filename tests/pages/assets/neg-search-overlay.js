// neg-search-overlay.html
document.getElementById('open-search').addEventListener('click', function () {
  document.getElementById('search-layer').classList.add('open');
  document.documentElement.classList.add('search-open');
});
