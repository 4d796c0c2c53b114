// Live views (the facilitator's workshop, the teacher's class progress): an opt-in reload
// every 15 seconds, off until ticked, so a form being filled in is never lost by surprise
// (WCAG 2.2.1 lets the user turn it off). Each page remembers its own choice for the tab:
// <span data-live-refresh="<page>" hidden><input type="checkbox" ...><label ...></span>
(function () {
  var holder = document.querySelector('[data-live-refresh]');
  if (!holder) return;
  var box = holder.querySelector('input[type="checkbox"]');
  var key = 'live-refresh:' + (holder.getAttribute('data-live-refresh') || window.location.pathname);
  var timer = null;
  holder.hidden = false;
  box.checked = window.sessionStorage.getItem(key) === 'on';
  function schedule() {
    window.clearTimeout(timer);
    if (box.checked)
      timer = window.setTimeout(function () {
        window.location.reload();
      }, 15000);
  }
  box.addEventListener('change', function () {
    window.sessionStorage.setItem(key, box.checked ? 'on' : 'off');
    schedule();
  });
  schedule();
})();
