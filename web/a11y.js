// The page's text layer for screen readers (PhET's "parallel DOM" is the model): the canvas is
// pixels, so this mirrors what the app shows as HTML that assistive technology reads: the tab as
// a heading, the status line, the control with the keyboard focus, the Backprop step's formulas,
// the last epoch's numbers and the lesson step, with changes announced politely. It reads
// window.gradlab.state() twice a second. Its sentences are in the app's language: tr() asks the
// app's catalogue (scripts/update-po collects them from this file).
(function () {
  'use strict';
  const layer = document.createElement('section');
  layer.id = 'a11y';
  layer.className = 'visually-hidden';
  layer.innerHTML =
    '<h1>Gradlab</h1>' +
    '<h2 id="a11y-tab"></h2>' +
    '<p id="a11y-status" role="status"></p>' +
    '<p id="a11y-focus" aria-live="polite"></p>' +
    '<div id="a11y-view" aria-live="polite"></div>' +
    '<section id="a11y-lesson-section"><h3 id="a11y-lesson-title"></h3><p id="a11y-lesson" aria-live="polite"></p></section>';
  document.body.appendChild(layer);

  // `english` in the app's language, with {0}, {1} replaced by the values.
  const tr = (english, ...values) => {
    let text = english;
    try {
      text = window.gradlab.tr(english);
    } catch (e) { /* the engine is not running yet: English */ }
    return text.replace(/\{(\d)\}/g, (all, n) => (n < values.length ? String(values[n]) : all));
  };
  const controlWord = (word) => ({
    checkbox: tr('checkbox'), button: tr('button'), field: tr('field'), combobox: tr('combo box'),
    radio: tr('radio button'), tab: tr('tab'), group: tr('group'), checked: tr('checked'), 'not checked': tr('not checked'),
    selected: tr('selected'), 'not selected': tr('not selected'), expanded: tr('expanded'), collapsed: tr('collapsed'),
    'Space to enter': tr('Space to enter'),
  })[word] || word;

  const set = (id, text) => {
    const el = document.getElementById(id);
    if (el.textContent !== text) el.textContent = text;  // unchanged text is not announced again
  };
  const name = (el, text) => {
    if (el.getAttribute('aria-label') !== text) el.setAttribute('aria-label', text);
  };
  const percent = (v) => `${(100 * v).toFixed(1)} %`;

  function trainText(train) {
    const parts = [];
    if (train.dataState && train.dataState !== 'ready') parts.push(train.dataMessage || tr('Data: {0}', train.dataState));
    const e = train.lastEpoch;
    if (e) {
      parts.push(tr('Epoch {0} of {1}: training loss {2}, training accuracy {3}, test accuracy {4}.', e.epoch,
                    train.totalEpochs, e.trainLoss.toFixed(3), percent(e.trainAccuracy), percent(e.testAccuracy)));
    }
    if (train.result) parts.push(train.result);
    return parts.join(' ') || tr('No run yet. Set up the data and the model, then Start.');
  }

  function backpropText(backprop) {
    const g = backprop.graph;
    // An expression that does not parse: the message names the column (the caret is for the eye).
    const problems = [backprop.parseError, backprop.error].filter(Boolean);
    if (problems.length) return problems.join(' ');
    if (!g) return '';
    const head = tr('{0}. Step {1} of {2}', g.expression, g.position, g.steps.total);
    const step = g.step;
    if (!step) return g.position === 0 ? tr('{0}: before the forward pass.', head) : tr('{0}: done.', head);
    if (step.kind === 'forward') return tr('{0}, forward: {1}.', head, step.formula);
    return tr('{0}, backward: {1}.', head, step.edges.map((e) => e.formula).join('; '));
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
    name(layer, tr('Gradlab, as text'));
    name(document.getElementById('a11y-lesson-section'), tr('Lesson'));
    set('a11y-tab', tr('{0} tab', tr(s.tab)));
    set('a11y-status', s.status || '');
    const f = s.focus;
    set('a11y-focus', f && f.label ? tr('Focus: {0}, {1}', f.label, [f.role, f.state].filter(Boolean).map(controlWord).join(', ')) : '');
    set('a11y-view', s.tab === 'Train' ? trainText(s.train) : s.tab === 'Backprop' ? backpropText(s.backprop) : '');
    const l = s.lesson;
    set('a11y-lesson-title', l.active ? tr('Lesson {0}: {1}, step {2} of {3}', l.active, l.title, l.step, l.steps) : tr('No lesson open'));
    const q = l.question && l.question.prompt;
    set('a11y-lesson', !l.active ? '' : q && l.text ? tr('{0} Question: {1}', l.text, q) : l.text || q || '');
  }

  window.addEventListener('gradlab-ready', () => {
    refresh();
    setInterval(refresh, 500);
  });
})();
