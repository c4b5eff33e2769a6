// The script of a Gradlab LMS package's launch page. scripts/lms-package writes the package's
// settings above this text, as JSON (so nothing in them can change the code):
//   const GRADLAB_LMS = {format, site, link, title, lesson, mastery};
// It embeds the hosted Gradlab site with its gradlab-embed.js (docs/embed.md) and reports to
// the LMS: through the SCORM 1.2 API of a parent or opener window (format 'scorm12'), or to the
// LRS named in the launch URL (format 'cmi5'). A lesson is done on the embed's lessonCompleted
// event (score 0 to 100); a set-up without a lesson is done once it has started (no score).
/* global GRADLAB_LMS, Gradlab */
(function () {
  'use strict';
  const config = GRADLAB_LMS;
  const startedAt = Date.now();

  function showNote(text) {
    const note = document.getElementById('note');
    note.textContent = text;
    note.hidden = false;
  }

  // passed/failed only with a mastery score, else completed.
  function statusFor(score, mastery) {
    if (mastery === null || score === null) return 'completed';
    return score >= mastery ? 'passed' : 'failed';
  }

  // ---- SCORM 1.2 ----------------------------------------------------------------------------

  // The LMS's `API` object, searched for as the SCORM 1.2 run-time environment describes: this
  // window and up to ten parents, then the opener's. Windows of other origins throw; skip them.
  function findScormApi() {
    function search(win) {
      for (let i = 0; win && i <= 10; i++) {
        try {
          if (win.API && typeof win.API.LMSInitialize === 'function') return win.API;
        } catch (e) { /* another origin */ }
        if (win.parent === win) break;
        win = win.parent;
      }
      return null;
    }
    let top = null;
    try { top = window.top.opener; } catch (e) { /* another origin */ }
    return search(window) || search(window.opener) || search(top);
  }

  // CMITimespan, HHHH:MM:SS.SS.
  function scormTimespan(ms) {
    const cs = Math.floor(Math.max(0, ms) / 10);
    const h = Math.min(9999, Math.floor(cs / 360000)), m = Math.floor(cs / 6000) % 60;
    return `${String(h).padStart(4, '0')}:${String(m).padStart(2, '0')}:${((cs % 6000) / 100).toFixed(2).padStart(5, '0')}`;
  }

  function scorm12Tracker(api) {
    const isTrue = (r) => String(r) === 'true';
    const set = (key, value) => {
      if (!isTrue(api.LMSSetValue(key, value))) console.warn(`the LMS refused ${key} = ${value} (error ${api.LMSGetLastError()})`);
    };
    let mastery = config.mastery;
    let finished = false;
    return {
      start() {
        // 'false' may only mean "already initialized" (a reload inside the LMS frame): go on.
        if (!isTrue(api.LMSInitialize(''))) console.warn(`LMSInitialize: error ${api.LMSGetLastError()}`);
        // The LMS's mastery score (from the manifest, or changed by the teacher) comes first.
        const lmsMastery = String(api.LMSGetValue('cmi.student_data.mastery_score') || '');
        if (lmsMastery !== '' && Number.isFinite(Number(lmsMastery))) mastery = Number(lmsMastery);
        const status = String(api.LMSGetValue('cmi.core.lesson_status') || '');
        if (status === 'not attempted' || status === '') {
          set('cmi.core.lesson_status', 'incomplete');
          api.LMSCommit('');
        }
      },
      complete(score) {
        if (finished) return;
        if (score !== null) {
          set('cmi.core.score.min', '0');
          set('cmi.core.score.max', '100');
          set('cmi.core.score.raw', String(score));
        }
        set('cmi.core.lesson_status', statusFor(score, mastery));
        api.LMSCommit('');
      },
      finish() {
        if (finished) return;
        finished = true;
        set('cmi.core.session_time', scormTimespan(Date.now() - startedAt));
        api.LMSFinish('');
      },
    };
  }

  // ---- cmi5 ---------------------------------------------------------------------------------

  const ADL_VERBS = 'http://adlnet.gov/expapi/verbs/';
  const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
  const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
  const MASTERY_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';

  // A version-4 UUID; crypto.randomUUID needs a secure context, getRandomValues does not.
  function uuid() {
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  const isoDuration = () => `PT${((Date.now() - startedAt) / 1000).toFixed(2)}S`;

  // The AU side of cmi5, minimally: fetch the token, read LMS.LaunchData, then send the
  // cmi5-defined statements initialized, completed, passed or failed, and terminated.
  function cmi5Tracker(query) {
    const endpoint = query.get('endpoint').replace(/\/?$/, '/');
    const actor = JSON.parse(query.get('actor'));
    const registration = query.get('registration'), activityId = query.get('activityId');
    let auth = null, launchData = {}, mastery = config.mastery === null ? null : config.mastery / 100;
    const sent = {};

    const request = (method, path, body, keepalive = false) => fetch(endpoint + path, {
      method, keepalive, body: body === undefined ? undefined : JSON.stringify(body),
      headers: Object.assign({ Authorization: auth, 'X-Experience-API-Version': '1.0.3' },
                             body === undefined ? {} : { 'Content-Type': 'application/json' }),
    }).then((response) => {
      if (!response.ok) throw new Error(`the LRS answered ${response.status} to ${method} ${path.split('?')[0]}`);
      return response;
    });

    function statement(verb, result) {
      // The LMS's context template, with the cmi5 category (and moveon where the result says
      // completion or success), as cmi5 section 9.6 asks.
      const context = JSON.parse(JSON.stringify(launchData.contextTemplate || {}));
      context.registration = registration;
      context.contextActivities = context.contextActivities || {};
      const category = context.contextActivities.category || [];
      category.push({ objectType: 'Activity', id: CMI5_CATEGORY });
      if (result && ('completion' in result || 'success' in result)) category.push({ objectType: 'Activity', id: MOVEON_CATEGORY });
      context.contextActivities.category = category;
      if (result && 'success' in result && mastery !== null) context.extensions = Object.assign({}, context.extensions, { [MASTERY_EXTENSION]: mastery });
      const s = { id: uuid(), actor, verb: { id: ADL_VERBS + verb, display: { 'en-US': verb } },
                  object: { objectType: 'Activity', id: activityId }, context, timestamp: new Date().toISOString() };
      if (result) s.result = result;
      return s;
    }
    const send = (verb, result, keepalive) => request('POST', 'statements', statement(verb, result), keepalive);

    let chain = Promise.resolve();
    const then = (fn) => {
      chain = chain.then(fn).catch((e) => showNote(`Your progress could not be recorded: ${e.message}`));
    };
    let finished = false;
    return {
      start() {
        then(async () => {
          const token = await fetch(query.get('fetch'), { method: 'POST' }).then((r) => r.json());
          if (!token || typeof token['auth-token'] !== 'string') throw new Error('the LMS gave no auth token');
          auth = 'Basic ' + token['auth-token'];
          const params = new URLSearchParams({ stateId: 'LMS.LaunchData', activityId, agent: JSON.stringify(actor), registration });
          launchData = await (await request('GET', 'activities/state?' + params)).json();
          if (typeof launchData.masteryScore === 'number') mastery = launchData.masteryScore;
          await send('initialized');
        });
      },
      complete(score) {
        then(async () => {
          if (!auth || finished || (launchData.launchMode && launchData.launchMode !== 'Normal')) return;  // Browse, Review: record nothing
          if (!sent.completed) {
            sent.completed = true;
            await send('completed', { completion: true, duration: isoDuration() });
          }
          if (mastery === null || score === null || sent.passed) return;
          const verb = statusFor(score / 100, mastery);
          if (sent[verb]) return;  // once each per session; a later pass may follow a fail
          sent[verb] = true;
          await send(verb, { success: verb === 'passed', duration: isoDuration(),
                             score: { scaled: score / 100, raw: score, min: 0, max: 100 } });
        });
      },
      finish() {
        // The page is going away: no waiting for the chain; keepalive lets the request outlive it.
        if (finished || !auth) return;
        finished = true;
        send('terminated', { duration: isoDuration() }, true).catch(() => {});
      },
    };
  }

  // ---- the embed ----------------------------------------------------------------------------

  document.title = config.title;
  let tracker = null;
  try {
    if (config.format === 'cmi5') {
      const query = new URLSearchParams(location.search);
      if (['endpoint', 'fetch', 'actor', 'registration', 'activityId'].every((k) => query.get(k))) tracker = cmi5Tracker(query);
    } else {
      const api = findScormApi();
      if (api) tracker = scorm12Tracker(api);
    }
    if (tracker) tracker.start();
  } catch (e) {
    console.warn(e);
    tracker = null;
    showNote(`The LMS could not be reached (${e.message}): nothing is recorded.`);
  }
  if (!tracker && document.getElementById('note').hidden) showNote('Not inside an LMS: nothing is recorded.');

  const script = document.createElement('script');
  script.src = config.site + 'gradlab-embed.js';
  script.onerror = () => showNote(`Gradlab could not be loaded from ${config.site}`);
  script.onload = () => {
    const handle = Gradlab.embed(document.getElementById('gradlab'), {
      src: config.site, link: config.link, height: 'auto', start: 'now', title: config.title,
    });
    if (!tracker) return;
    if (config.lesson === null) {
      handle.on('ready', () => tracker.complete(null));
      return;
    }
    handle.on('lessonCompleted', (e) => {
      if (!e || Number(e.lesson) !== config.lesson) return;  // another lesson opened inside the embed
      const n = Number(e.score);
      tracker.complete(Number.isFinite(n) ? Math.round(Math.min(100, Math.max(0, n))) : null);
    });
  };
  document.head.appendChild(script);

  // pagehide also comes when the LMS removes the frame; unload only where pagehide is missing.
  const finish = () => { if (tracker) tracker.finish(); };
  window.addEventListener('onpagehide' in window ? 'pagehide' : 'unload', finish);
})();
