// The app's side of embedding (docs/embed.md), active only with embed=1 in the page's link:
// the poster shown until the embed is started, keyboard focus and the mouse wheel inside an
// iframe, the fullscreen and "Open in Gradlab" buttons, and the gradlab/1 message protocol
// with the host page. Nothing from a message is ever written into the page's HTML or run:
// settings are strings the app's settings registry checks, as in a link.
(function () {
  'use strict';
  const app = window.gradlab;
  if (!app || !app.embedded) return;
  const PROTOCOL = 'gradlab/1';
  const MAX_MESSAGE_CHARS = 65536;
  const canvas = app.canvas;
  document.documentElement.classList.add('embed');
  // Whether the app is using the keyboard itself (a text field, an open menu); false before it runs.
  const keyboardBusy = () => typeof Module._gradlab_keyboard_busy === 'function' && Module._gradlab_keyboard_busy() !== 0;

  // ---- poster: a light card naming the set-up, until a click, scrolling into view, or a call ----

  const TABS = { train: 'Train a model', backprop: 'Backpropagation, node by node', lessons: 'Lessons', calculators: 'Calculators' };
  function describeSetUp(s) {
    const lesson = s.get('lesson');
    if (lesson) return ['Lesson ' + lesson.split('.')[0], 'A walk through one idea of the lecture, step by step'];
    const tab = s.get('tab') || 'train';
    if (tab === 'backprop') return [TABS.backprop, s.get('expr') || s.get('example') || 'f = (x + y) z'];
    if (tab === 'calculators') return [TABS.calculators, s.get('calc') || 'losses'];
    if (tab === 'lessons') return [TABS.lessons, 'The lecture, step by step'];
    const data = s.get('data') || 'toy:spiral';
    return [TABS.train, (s.get('model') || 'linear') + ' on ' + data + (s.get('view') ? ' \u00b7 ' + s.get('view') : '')];
  }

  // A lesson's poster gives its title and summary, from a small index made at build time.
  function nameLesson() {
    const number = parseInt((app.pageSettings.get('lesson') || '').split('.')[0], 10);
    if (!(number >= 1)) return;
    fetch('lesson-titles.json').then((r) => (r.ok ? r.json() : [])).then((lessons) => {
      const lesson = Array.isArray(lessons) ? lessons[number - 1] : null;
      if (!lesson || typeof lesson.title !== 'string') return;
      document.getElementById('poster-title').textContent = 'Lesson ' + number + ': ' + lesson.title;
      if (typeof lesson.summary === 'string') document.getElementById('poster-detail').textContent = lesson.summary;
    }, () => { /* the plain poster stays */ });
  }

  const poster = document.getElementById('poster');
  const start = app.pageSettings.get('start') || 'click';
  function startNow() {
    poster.hidden = true;
    return app.startEngine();
  }
  if (start === 'now') {
    startNow();
  } else {
    const [title, detail] = describeSetUp(app.pageSettings);
    document.getElementById('poster-title').textContent = title;
    document.getElementById('poster-detail').textContent = detail;
    poster.hidden = false;
    nameLesson();
    poster.addEventListener('click', () => startNow().then(() => canvas.focus({ preventScroll: true })));
    if (start === 'visible' && 'IntersectionObserver' in window) {
      const seen = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          seen.disconnect();
          startNow();
        }
      }, { threshold: 0.25 });
      seen.observe(poster);
    }
  }

  // ---- focus, keys and the wheel inside a host page ----

  // Escape gives the keyboard back to the host page, unless the app is using it (a text field
  // being edited, an open menu), where Escape means "cancel".
  window.addEventListener('keydown', (e) => {
    if (document.activeElement !== canvas) return;
    if (e.key === 'Escape' && !keyboardBusy()) {
      canvas.blur();
      try { window.parent.focus(); } catch (err) { /* the host page's own focus then stays where it is */ }
      e.stopImmediatePropagation();
      return;
    }
    // Keys that would scroll the host page act only in the app (Space only outside text fields,
    // where it types a space).
    const scrolls = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown', 'Home', 'End'];
    if (scrolls.includes(e.key) || (e.key === ' ' && !keyboardBusy())) e.preventDefault();
  }, true);
  // While the app does not have the focus the wheel scrolls the host page: the app never sees it
  // (SDL would cancel the page's scrolling).
  window.addEventListener('wheel', (e) => {
    if (document.activeElement !== canvas) e.stopImmediatePropagation();
  }, { capture: true, passive: true });

  // ---- fullscreen and "Open in Gradlab" ----

  const fullscreen = document.getElementById('embed-fullscreen');
  if (document.fullscreenEnabled) {
    fullscreen.addEventListener('click', () => {
      if (document.fullscreenElement) document.exitFullscreen();
      else document.documentElement.requestFullscreen().catch(() => {});
    });
  } else {
    fullscreen.hidden = true;  // the host's iframe lacks allow="fullscreen"
  }
  document.getElementById('embed-open').addEventListener('click', () => {
    const link = new URLSearchParams(location.hash.slice(1));
    ['embed', 'start', 'hosts'].forEach((key) => link.delete(key));
    window.open(location.pathname + '#' + link.toString(), '_blank', 'noopener');
  });

  // ---- the gradlab/1 protocol ----

  const allowedHosts = (app.pageSettings.get('hosts') || '').split(',').filter(Boolean);
  let host = null;  // {window, origin} of the page embedding the app, once it has said hello
  const warn = (why, event) => console.warn('Gradlab: message from ' + (event.origin || 'an unknown origin') + ' dropped: ' + why);

  function isPlainObject(value) {
    if (value === null || typeof value !== 'object') return false;
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
  }
  function tooLarge(value) {
    try { return JSON.stringify(value).length > MAX_MESSAGE_CHARS; } catch (e) { return true; }
  }
  function post(target, origin, message) {
    try { target.postMessage(Object.assign({ protocol: PROTOCOL }, message), origin); } catch (e) { /* the host has gone */ }
  }

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!isPlainObject(m) || m.protocol === undefined) return;  // not for us (other scripts use messages too)
    if (typeof m.protocol !== 'string' || m.protocol !== PROTOCOL) return warn('protocol ' + String(m.protocol).slice(0, 20) + ' is not ' + PROTOCOL, event);
    if (tooLarge(m)) return warn('larger than ' + MAX_MESSAGE_CHARS + ' characters', event);
    const allowed = allowedHosts.includes(event.origin);
    if (m.type === 'hello') {
      // The embedding page (or the opener) opens the handshake, once; origins in hosts= may too.
      const fromEmbedder = event.source && (event.source === window.parent || event.source === window.opener) && event.source !== window;
      if (!fromEmbedder && !allowed) return warn('a handshake comes from the page embedding the app or an origin in hosts=', event);
      if (fromEmbedder && host && host.origin !== event.origin) return warn('another origin already opened the handshake', event);
      if (fromEmbedder) host = { window: event.source, origin: event.origin };
      post(event.source, event.origin, { type: 'welcome', version: 1, started: app.engineRequested() });
      return;
    }
    if (!allowed && !(host && event.origin === host.origin)) return warn('not the page that opened the handshake, nor an origin in hosts=', event);
    if (m.type !== 'call') return warn('unknown type', event);
    if (!Number.isSafeInteger(m.id)) return warn('a call needs a whole-number id', event);
    const reply = (ok, value) => post(event.source, event.origin, ok ? { type: 'reply', id: m.id, ok, result: value } : { type: 'reply', id: m.id, ok, error: value });
    const method = METHODS[m.method];
    if (typeof m.method !== 'string' || !Object.prototype.hasOwnProperty.call(METHODS, m.method)) {
      warn('unknown method', event);
      return reply(false, 'unknown method');
    }
    const args = m.args === undefined ? [] : m.args;
    const problem = Array.isArray(args) && args.length <= 4 ? method.check(args) : 'args must be an array of at most 4 values';
    if (problem) {
      warn(m.method + ': ' + problem, event);
      return reply(false, m.method + ': ' + problem);
    }
    startNow().then(() => method.run(...args)).then((result) => reply(true, result), (e) => reply(false, String(e && e.message || e)));
  });

  // Events from the app go to the host that opened the handshake.
  window.addEventListener('gradlab-event', (e) => {
    if (host) post(host.window, host.origin, { type: 'event', name: e.detail.name, data: e.detail.data });
  });
  window.addEventListener('gradlab-ready', () => {
    window.gradlab.emit('ready', { version: 1, link: location.hash });
  });

  // ---- the methods a host may call (each checks its arguments first) ----

  const api = {
    state: () => JSON.parse(Module.UTF8ToString(Module._gradlab_api_state_json())),
    set: (key, value) => Module.ccall('gradlab_api_set', 'string', ['string', 'string'], [key, value]),
  };
  const whole = (v, lo, hi) => Number.isSafeInteger(v) && v >= lo && v <= hi;
  const none = (args) => (args.length ? 'takes no arguments' : '');
  // Counts play, pause and reset calls: a step(n) still stepping stops at the next one, so
  // "Step 10" then "Train" trains on instead of pausing again after the tenth batch.
  let runCommands = 0;
  function action(value) {
    return () => {
      runCommands++;
      const problem = api.set('train', value);
      if (problem) throw new Error(problem);
      return true;
    };
  }
  // Keys that only the page's own address decides: who may talk to it, and whether it is embedded.
  const PAGE_KEYS = ['embed', 'hosts', 'start'];

  const METHODS = {
    getState: { check: none, run: () => api.state() },
    setState: {
      check: ([partial]) => {
        if (!isPlainObject(partial)) return 'takes one object of settings, e.g. {lr: "0.1"}';
        const entries = Object.entries(partial);
        if (entries.length > 100) return 'at most 100 settings at once';
        for (const [key, value] of entries) {
          if (key.length > 40) return 'a key is longer than 40 characters';
          if (!['string', 'number', 'boolean'].includes(typeof value)) return key + ': a value must be a string, number or boolean';
          if (String(value).length > 2000) return key + ': longer than 2000 characters';
        }
        return '';
      },
      run: (partial) => {
        const applied = [], problems = [];
        for (const [key, value] of Object.entries(partial)) {
          const problem = PAGE_KEYS.includes(key) ? key + ': set by the embed\'s own address, not by messages' : api.set(key, String(value));
          if (problem) problems.push(problem); else applied.push(key);
        }
        return { applied, problems };
      },
    },
    reset: { check: none, run: action('reset') },
    play: { check: none, run: action('play') },
    pause: { check: none, run: action('pause') },
    // n batches, one per frame, so the page stays responsive; then paused. Waits for data still
    // loading (a host may call step right after start). Resolves false when a later play, pause
    // or reset took over before the n-th batch.
    step: {
      check: ([n = 1]) => (whole(n, 1, 1000) ? '' : 'n must be a whole number from 1 to 1000'),
      run: (n = 1) => new Promise((resolve, reject) => {
        const serial = runCommands;
        let left = n;
        const next = () => {
          if (serial !== runCommands) return resolve(false);
          if (api.state().training.data === 'loading') return requestAnimationFrame(next);
          const problem = api.set('train', 'step');
          if (problem) return reject(new Error(problem));
          if (--left > 0) requestAnimationFrame(next); else resolve(true);
        };
        next();
      }),
    },
    openLesson: {
      check: ([lesson, step = 1]) => (whole(lesson, 1, 1000) && whole(step, 1, 1000) ? '' : 'lesson and step must be whole numbers from 1'),
      run: (lesson, step = 1) => {
        const problem = Module.ccall('gradlab_api_open_lesson', 'string', ['number', 'number'], [lesson, step]);
        if (problem) throw new Error(problem);
        return true;
      },
    },
    start: { check: none, run: () => true },
  };
})();
