// Registers the service worker (sw.js, made at build time from cmake/sw.js.in), so that after one
// visit the page works without the network. Only once the engine has drawn its first frame: the
// worker's download of the app then does not slow the start. Not in the benchmark mode (bench=),
// whose timing it would disturb, nor in an embed (embed=1): the page around it does not work
// offline anyway, and a started embed would download the app a second time.
// A page the worker already serves does not register again: the browser checks for a new
// version on each visit by itself. Never an error: without a worker the page works as before.
(function () {
  'use strict';
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  const settings = new URLSearchParams(location.search.slice(1) + '&' + location.hash.slice(1));  // as shell.js reads them
  if (settings.has('bench') || settings.get('embed') === '1') return;
  window.addEventListener('gradlab-ready', () => {
    try {
      if (navigator.serviceWorker.controller) return;
      navigator.serviceWorker.register('sw.js', { scope: './' }).then((registration) => {
        // A failed install (a file the host changed, or a network error) says why in the worker's console.
        const worker = registration?.installing;  // no registration where a test harness blocks workers
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'redundant' && !registration.active && !registration.waiting && !registration.installing) {
            console.warn('Gradlab: working offline is not available: the service worker could not keep the app');
          }
        });
      }, (e) => console.warn('Gradlab: working offline is not available:', e.message || e));
    } catch (e) {
      console.warn('Gradlab: working offline is not available:', e.message || e);
    }
  }, { once: true });
})();
