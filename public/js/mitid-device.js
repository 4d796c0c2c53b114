// The simulated MitID app (views/mitid/device-app.ejs): without this file the trainee
// approves in two steps (Approve, then Confirm approval), the keyboard's equivalent of the
// swipe. With it, the phone also approves by a swipe across the track, or by pressing and
// holding the button (mouse, touch, or Space/Enter held down) for 1.5 seconds.
(function () {
  const form = document.querySelector('form[data-swipe]');
  if (!form) return;
  const track = form.querySelector('.swipe-track');
  const thumb = form.querySelector('.swipe-thumb');
  const hold = form.querySelector('.hold-button');
  track.hidden = false;
  hold.hidden = false;
  const approve = () => form.requestSubmit();

  let startX = null;
  thumb.addEventListener('pointerdown', (event) => {
    startX = event.clientX;
    thumb.setPointerCapture(event.pointerId);
  });
  thumb.addEventListener('pointermove', (event) => {
    if (startX === null) return;
    const moved = Math.max(0, event.clientX - startX);
    thumb.style.transform = `translateX(${Math.min(moved, track.clientWidth - thumb.offsetWidth)}px)`;
  });
  thumb.addEventListener('pointerup', (event) => {
    const moved = startX === null ? 0 : event.clientX - startX;
    startX = null;
    thumb.style.transform = '';
    if (moved > (track.clientWidth - thumb.offsetWidth) * 0.8) approve();
  });

  let timer = null;
  const start = () => {
    if (timer !== null) return;
    hold.classList.add('holding');
    timer = setTimeout(approve, 1500);
  };
  const stop = () => {
    hold.classList.remove('holding');
    clearTimeout(timer);
    timer = null;
  };
  hold.addEventListener('click', (event) => event.preventDefault()); // only a hold approves
  hold.addEventListener('pointerdown', start);
  hold.addEventListener('pointerup', stop);
  hold.addEventListener('pointerleave', stop);
  hold.addEventListener('keydown', (event) => {
    if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      start();
    }
  });
  hold.addEventListener('keyup', stop);
})();
