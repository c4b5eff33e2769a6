// Gradlab's host-page script (docs/embed.md): Gradlab.embed(element, options) puts Gradlab in
// an iframe and returns a handle whose methods return promises and whose events carry what the
// student does. It speaks the gradlab/1 protocol over postMessage; no dependencies.
(function (global) {
  'use strict';
  const PROTOCOL = 'gradlab/1';
  // The folder this script was loaded from: the Gradlab site, unless options.src says otherwise.
  const scriptFolder = document.currentScript ? new URL('.', document.currentScript.src).href : location.href;

  // A link ("https://.../#v=1&a=1", "#v=1&a=1", "?a=1" or "a=1") and an object of settings as one
  // fragment, with embed=1 and the page-only keys.
  function fragmentFor(options) {
    const link = String(options.link || '');
    const text = link.includes('#') ? link.slice(link.indexOf('#') + 1) : link.replace(/^\?/, '');
    const params = new URLSearchParams(text);
    for (const [key, value] of Object.entries(options.settings || {})) params.set(key, String(value));
    params.delete('v');
    params.set('embed', '1');
    if (options.start) params.set('start', options.start);
    if (options.hosts) params.set('hosts', [].concat(options.hosts).join(','));
    return 'v=1&' + params.toString();
  }

  function embed(element, options = {}) {
    if (!(element instanceof Element)) throw new TypeError('Gradlab.embed: the first argument must be an element');
    const site = new URL(options.src || scriptFolder, location.href);
    const appOrigin = site.origin;
    const iframe = document.createElement('iframe');
    iframe.src = site.origin + site.pathname + '#' + fragmentFor(options);
    iframe.title = options.title || 'Gradlab';
    iframe.loading = 'lazy';
    iframe.allow = 'fullscreen; clipboard-write';
    iframe.style.border = '0';
    iframe.style.display = 'block';
    iframe.style.width = typeof options.width === 'number' ? options.width + 'px' : options.width || '100%';
    const autoHeight = options.height === 'auto';
    iframe.style.height = (autoHeight || options.height === undefined ? 560 : Number(options.height)) + 'px';
    element.appendChild(iframe);

    const listeners = new Map();
    const pending = new Map();
    let nextId = 1;
    let welcomed = false;
    const queue = [];  // calls made before the handshake
    let helloTimer = 0;

    function emit(name, data) {
      for (const fn of listeners.get(name) || []) {
        try { fn(data); } catch (e) { console.error(e); }
      }
    }
    function send(message) {
      if (iframe.contentWindow) iframe.contentWindow.postMessage(Object.assign({ protocol: PROTOCOL }, message), appOrigin);
    }
    // Says hello until the app answers: it may still be loading.
    function handshake() {
      clearInterval(helloTimer);
      let tries = 0;
      send({ type: 'hello' });
      helloTimer = setInterval(() => {
        if (welcomed || ++tries > 100) return clearInterval(helloTimer);
        send({ type: 'hello' });
      }, 100);
    }
    iframe.addEventListener('load', handshake);

    function onMessage(event) {
      if (event.source !== iframe.contentWindow || event.origin !== appOrigin) return;
      const m = event.data;
      if (!m || typeof m !== 'object' || m.protocol !== PROTOCOL) return;
      if (m.type === 'welcome') {
        if (!welcomed) {
          welcomed = true;
          clearInterval(helloTimer);
          queue.splice(0).forEach(send);
        }
      } else if (m.type === 'reply' && pending.has(m.id)) {
        const { resolve, reject } = pending.get(m.id);
        pending.delete(m.id);
        if (m.ok) resolve(m.result); else reject(new Error(String(m.error)));
      } else if (m.type === 'event' && typeof m.name === 'string') {
        if (m.name === 'resize' && autoHeight && m.data && Number.isFinite(m.data.height)) {
          iframe.style.height = Math.max(120, Math.min(10000, Math.round(m.data.height))) + 'px';
        }
        emit(m.name, m.data);
      }
    }
    global.addEventListener('message', onMessage);

    function call(method, ...args) {
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        const message = { type: 'call', id, method, args };
        if (welcomed) send(message); else queue.push(message);
      });
    }

    const handle = {
      iframe,
      on(name, fn) {
        if (!listeners.has(name)) listeners.set(name, new Set());
        listeners.get(name).add(fn);
        return handle;
      },
      off(name, fn) {
        if (listeners.has(name)) listeners.get(name).delete(fn);
        return handle;
      },
      getState: () => call('getState'),
      setState: (partial) => call('setState', partial),
      reset: () => call('reset'),
      play: () => call('play'),
      pause: () => call('pause'),
      step: (n = 1) => call('step', n),
      openLesson: (lesson, step = 1) => call('openLesson', lesson, step),
      start: () => call('start'),
      // Removes the iframe and forgets the handle's listeners; pending calls are rejected.
      destroy() {
        global.removeEventListener('message', onMessage);
        clearInterval(helloTimer);
        for (const { reject } of pending.values()) reject(new Error('the embed was removed'));
        pending.clear();
        listeners.clear();
        iframe.remove();
      },
    };
    return handle;
  }

  global.Gradlab = { embed, protocol: PROTOCOL };
})(window);
