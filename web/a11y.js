// The page's text layer for screen readers (PhET's "parallel DOM" is the model): the canvas is
// pixels, so this mirrors what the app shows as HTML that assistive technology reads: the tab as
// a heading, the status line, the control with the keyboard focus, the Backprop step's formulas,
// the last epoch's numbers and the lesson step, with changes announced politely. It reads
// window.gradlab.state() twice a second.
(function () {
  'use strict';
  const layer = document.createElement('section');
  layer.id = 'a11y';
  layer.className = 'visually-hidden';
  layer.setAttribute('aria-label', 'Gradlab, as text');
  layer.lang = 'en';  // its sentences are English for now; the page's language is the app's (below)
  layer.innerHTML =
    '<h1>Gradlab</h1>' +
    '<h2 id="a11y-tab"></h2>' +
    '<p id="a11y-status" role="status"></p>' +
    '<p id="a11y-focus" aria-live="polite"></p>' +
    '<div id="a11y-view" aria-live="polite"></div>' +
    '<section aria-label="Lesson"><h3 id="a11y-lesson-title"></h3><p id="a11y-lesson" aria-live="polite"></p></section>';
  document.body.appendChild(layer);

  const set = (id, text) => {
    const el = document.getElementById(id);
    if (el.textContent !== text) el.textContent = text;  // unchanged text is not announced again
  };
  const percent = (v) => `${(100 * v).toFixed(1)} %`;

  function trainText(train) {
    const parts = [];
    if (train.dataState && train.dataState !== 'ready') parts.push(train.dataMessage || `Data: ${train.dataState}`);
    const e = train.lastEpoch;
    if (e) {
      parts.push(`Epoch ${e.epoch} of ${train.totalEpochs}: training loss ${e.trainLoss.toFixed(3)}, ` +
                 `training accuracy ${percent(e.trainAccuracy)}, test accuracy ${percent(e.testAccuracy)}.`);
    }
    if (train.result) parts.push(train.result);
    return parts.join(' ') || 'No run yet. Set up the data and the model, then Start.';
  }

  function backpropText(backprop) {
    const g = backprop.graph;
    if (backprop.error) return backprop.error;
    if (!g) return '';
    const head = `${g.expression}. Step ${g.position} of ${g.steps.total}`;
    const step = g.step;
    if (!step) return `${head}: ${g.position === 0 ? 'before the forward pass' : 'done'}.`;
    if (step.kind === 'forward') return `${head}, forward: ${step.formula}.`;
    return `${head}, backward: ${step.edges.map((e) => e.formula).join('; ')}.`;
  }

  function refresh() {
    let s;
    try {
      s = window.gradlab.state();
    } catch (e) {
      return;  // the engine is not running (yet)
    }
    const lang = s.language && s.language.spoken === 'ko' ? 'ko' : 'en';
    if (document.documentElement.lang !== lang) document.documentElement.lang = lang;
    set('a11y-tab', `${s.tab} tab`);
    set('a11y-status', s.status || '');
    const f = s.focus;
    set('a11y-focus', f && f.label ? `Focus: ${f.label}, ${[f.role, f.state].filter(Boolean).join(', ')}` : '');
    set('a11y-view', s.tab === 'Train' ? trainText(s.train) : s.tab === 'Backprop' ? backpropText(s.backprop) : '');
    const l = s.lesson;
    set('a11y-lesson-title', l.active ? `Lesson ${l.active}: ${l.title}, step ${l.step} of ${l.steps}` : 'No lesson open');
    set('a11y-lesson', l.active ? [l.text, l.question && l.question.prompt].filter(Boolean).join(' Question: ') : '');
  }

  window.addEventListener('gradlab-ready', () => {
    refresh();
    setInterval(refresh, 500);
  });
})();
