// The page side of Gradlab: loads the engine (at once, or when an embed is started: see
// embed-frame.js), shows loading progress until the first frame, reports start-up failures in
// plain words, gives the canvas keyboard focus on click (also inside an iframe), and exposes
// window.gradlab for tests and host pages. URLs are relative, so the folder can be served from
// any static host and any sub-path.
(function () {
  'use strict';
  // The few settings the page itself needs before the engine runs (the engine checks them too).
  const pageSettings = new URLSearchParams(location.search.slice(1) + '&' + location.hash.slice(1));
  const embedded = pageSettings.get('embed') === '1';
  // Two builds of the engine: with threads (training off this thread, on more than one core)
  // where the browser allows shared memory, which it does only in a cross-origin isolated page
  // (the host's headers, or the service worker's from the second visit: README, hosting);
  // else the one that trains between frames. threads=0 picks the second anywhere.
  const threaded = self.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function' &&
                   pageSettings.get('threads') !== '0';
  const canvas = document.getElementById('canvas');
  const loading = document.getElementById('loading');
  const loadingText = document.getElementById('loading-text');
  const progress = document.getElementById('loading-progress');

  function showError(message) {
    loading.classList.remove('hidden');
    loading.classList.add('error');
    loadingText.textContent = message;
  }

  // WebAssembly SIMD is required: a tiny module with one v128 instruction validates only where
  // it is supported.
  const simdProbe = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1,
    0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);
  if (typeof WebAssembly !== 'object' || !WebAssembly.validate(simdProbe)) {
    showError('This browser does not support WebAssembly SIMD. Gradlab needs a current ' +
              'Chrome, Edge, Firefox or Safari (16.4 or later).');
    window.Module = { noInitialRun: true, preRun: [() => { throw new Error('no SIMD'); }] };
    return;
  }

  // preventScroll: inside a tall iframe, focusing would scroll the host page to the canvas.
  canvas.addEventListener('mousedown', () => canvas.focus({ preventScroll: true }));
  canvas.addEventListener('contextmenu', (e) => e.preventDefault());
  // A lesson file dropped on the page opens (the engine checks it and says what is wrong).
  canvas.addEventListener('dragover', (e) => {
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  canvas.addEventListener('drop', async (e) => {
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    if (!file || !firstFrameSeen) return;
    // Up to a lesson's limit and a byte more: a larger file is refused without being read whole.
    const bytes = new Uint8Array(await file.slice(0, (1 << 20) + 1).arrayBuffer());
    const ptr = Module._malloc(Math.max(1, bytes.length));
    Module.writeArrayToMemory(bytes, ptr);
    Module.ccall('gradlab_file_dropped', null, ['string', 'number', 'number'], [file.name, ptr, bytes.length]);
    Module._free(ptr);
  });
  canvas.addEventListener('webglcontextlost', (e) => {
    e.preventDefault();
    showError('The graphics context was lost. Reload the page to continue.');
  });

  let firstFrameSeen = false;
  window.Module = {
    canvas: canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    setStatus: (text) => {
      if (firstFrameSeen || !text) return;
      // Emscripten reports downloads as "Downloading data... (12/34)".
      const m = text.match(/\((\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)\)/);
      if (m) progress.value = Number(m[1]) / Number(m[2]);
      loadingText.textContent = text.replace(/\(.*\)/, '').trim() || 'Loading Gradlab…';
    },
    onFirstFrame: () => {
      firstFrameSeen = true;
      loading.classList.add('hidden');
      // An embed waits for a click: taking the focus would take keys from the host page.
      if (!embedded) canvas.focus({ preventScroll: true });
      readyWaiters.forEach((resolve) => resolve());
      readyWaiters.length = 0;
      window.dispatchEvent(new Event('gradlab-ready'));
    },
    onAbort: (what) => showError('Gradlab stopped: ' + what + '. Reload the page to try again.'),
  };

  // The engine (gradlab.js, which fetches gradlab.wasm and gradlab-assets.data; or gradlab-threads.js
  // and its files) loads once, on demand. A host that did not upload the threaded build still
  // gets the other.
  let engineRequested = false;
  let engineBuild = threaded ? 'threads' : 'single';
  const readyWaiters = [];
  function loadEngine(build) {
    engineBuild = build;
    const name = build === 'threads' ? 'gradlab-threads.js' : 'gradlab.js';
    const script = document.createElement('script');
    script.src = name;
    script.onerror = () => {
      if (build === 'threads') return loadEngine('single');
      showError('Gradlab could not be loaded (' + name + '). Check the connection and reload the page.');
    };
    document.body.appendChild(script);
  }
  function startEngine() {
    if (!engineRequested) {
      engineRequested = true;
      loading.classList.remove('hidden');
      loadEngine(engineBuild);
    }
    return firstFrameSeen ? Promise.resolve() : new Promise((resolve) => readyWaiters.push(resolve));
  }

  // Hooks for tests and host pages. state() is the app's own account of what it shows.
  window.gradlab = {
    embedded,
    pageSettings,
    canvas,
    startEngine,
    engineRequested: () => engineRequested,
    // 'threads' (training on threads of its own) or 'single' (between frames, on this thread).
    build: () => engineBuild,
    ready: () => firstFrameSeen,
    // Events for a page embedding the app (docs/embed.md), from the app (embed_events.h) and
    // from here; embed-frame.js forwards them to the host page.
    emit: (name, json) => {
      let data;
      try { data = typeof json === 'string' ? JSON.parse(json) : json; } catch (e) { return; }
      window.dispatchEvent(new CustomEvent('gradlab-event', { detail: { name, data } }));
    },
    state: () => JSON.parse(Module.UTF8ToString(Module._gradlab_state_json())),
    // An English text of the page's own (web/a11y.js) in the app's language, from its catalogue.
    tr: (english) => Module.ccall('gradlab_tr', 'string', ['string'], [String(english)]),
    // Starts recording each frame's own work and the training slice in it (ms) and whether it
    // drew (a frame that would change nothing on screen is not drawn); returns and forgets what
    // was recorded since the last call: { workMs: [...], trainMs: [...], drawn: [1, 0, ...] }.
    frames: () => JSON.parse(Module.UTF8ToString(Module._gradlab_frame_log_json())),
    // Bytes of the WebAssembly heap in use (malloc's count; the memory itself never shrinks).
    heapInUse: () => Module._gradlab_heap_in_use(),
    // Changes one setting now, e.g. gradlab.set('train', '1') or gradlab.set('view', 'weights').
    set: (key, value) => Module.ccall('gradlab_apply_setting', null, ['string', 'string'], [String(key), String(value)]),
    // Opens a link in the running app, as if the page had been opened with it: gradlab.open('#v=1&tab=backprop').
    open: (link) => Module.ccall('gradlab_open_link', null, ['string'], [String(link)]),
    // Called by the app when its settings change: the address bar then holds them, so copying it
    // shares the set-up. Debounced, and replaceState, so neither the history nor the browser is
    // flooded while a slider moves. An old ?key=value query is folded into the fragment.
    publishLink: (fragment) => {
      clearTimeout(publishTimer);
      publishTimer = setTimeout(() => {
        publishedHash = '#' + fragment;
        try {
          history.replaceState(history.state, '', location.pathname + publishedHash);
        } catch (e) { /* a sandboxed frame may refuse; the Share button still works */ }
        window.gradlab.emit('stateChanged', { link: publishedHash });
      }, 300);
    },
    copyText: (text) => copyText(text),
    // The session kept in the browser's storage (see sessionStore below), for the app.
    loadStoredSession: (id) => {
      sessionStore.get().then((bytes) => deliverStored(id, bytes, ''), (e) => deliverStored(id, null, storageProblem(e)));
    },
    storeSession: (id, bytes) => {
      sessionStore.put(bytes).then(() => answerStored(id, ''), (e) => answerStored(id, storageProblem(e)));
    },
    forgetStoredSession: () => { sessionStore.remove().catch(() => {}); },
  };

  // One IndexedDB record holds the current session (settings, weights, history) as the app
  // serialised it. IndexedDB, not localStorage: sessions are megabytes, and it takes binary.
  const sessionStore = {
    open() {
      return new Promise((resolve, reject) => {
        const request = indexedDB.open('gradlab', 1);
        request.onupgradeneeded = () => request.result.createObjectStore('sessions');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
        request.onblocked = () => reject(new Error('the storage is in use by another tab'));
      });
    },
    async run(mode, action) {
      const db = await this.open();
      try {
        return await new Promise((resolve, reject) => {
          const tx = db.transaction('sessions', mode);
          const request = action(tx.objectStore('sessions'));
          tx.oncomplete = () => resolve(request.result);
          tx.onerror = tx.onabort = () => reject(tx.error || request.error);
        });
      } finally {
        db.close();
      }
    },
    get() { return this.run('readonly', (store) => store.get('current')); },
    put(bytes) { return this.run('readwrite', (store) => store.put(bytes, 'current')); },
    remove() { return this.run('readwrite', (store) => store.delete('current')); },
  };

  function storageProblem(e) {
    const name = (e && e.name) || '';
    if (name === 'QuotaExceededError') return 'the browser\'s storage for this site is full';
    if (name === 'SecurityError' || name === 'InvalidStateError') return 'this browser window does not allow storage (a private window?)';
    return 'the browser\'s storage could not be used (' + ((e && e.message) || name || 'unknown reason') + ')';
  }

  // Hands bytes (or a problem) to the app through its heap: sessions can be larger than the
  // stack that ccall's array arguments would use.
  function deliverStored(id, bytes, problem) {
    const data = bytes instanceof Uint8Array ? bytes : bytes ? new Uint8Array(bytes) : new Uint8Array(0);
    const ptr = Module._malloc(Math.max(1, data.length));
    Module.writeArrayToMemory(data, ptr);
    Module.ccall('gradlab_stored_session', null, ['number', 'number', 'number', 'string'], [id, ptr, data.length, problem]);
    Module._free(ptr);
  }
  function answerStored(id, problem) {
    Module.ccall('gradlab_session_stored', null, ['number', 'string'], [id, problem]);
  }

  let publishTimer = 0;
  let publishedHash = location.hash;
  // A fragment typed into the address bar (not one the app wrote) opens like a new link.
  window.addEventListener('hashchange', () => {
    if (location.hash !== publishedHash && firstFrameSeen) {
      publishedHash = location.hash;
      window.gradlab.open(location.hash);
    }
  });

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).catch(() => copyWithTextArea(text));
    } else {
      copyWithTextArea(text);
    }
  }
  // Plain http (a classroom server) has no Clipboard API; a selected text area still copies.
  function copyWithTextArea(text) {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); } catch (e) { /* nothing more to try */ }
    area.remove();
    canvas.focus({ preventScroll: true });
  }

  // The full app starts at once; an embed shows its poster first (embed-frame.js).
  if (!embedded) startEngine();
})();
