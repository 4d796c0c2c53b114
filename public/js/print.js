// The "Print" button of a print page: shown only where scripts run (otherwise the
// browser's own Print command does the same), and opens the print dialogue.
for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
