// neg-video-modal.html
document.getElementById('play-video').addEventListener('click', function () {
  document.getElementById('player-layer').classList.add('open');
});
