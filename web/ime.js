// Typing through an input method (Korean 한글, Japanese, Chinese) into the canvas's text fields.
// An input method composes text in a real text input, which a canvas is not. So while the app
// edits a text field (it calls gradlab.ime.sync every frame), the keyboard goes to a hidden
// input placed at the field's caret, where the browser also puts the candidate window:
// - composed text (compositionend) and text inserted without keys (a paste, a test's insertText)
//   go to the app through gradlab_text_input;
// - every other key goes on to the canvas as before (SDL listens there), so Backspace, arrows,
//   Enter and plain letters work as they did, and the hidden input stays empty;
// - while composing, the input shows the syllable being composed (ㅎ, 하, 한) over the caret.
(function () {
  'use strict';
  const canvas = document.getElementById('canvas');
  const input = document.createElement('input');
  input.id = 'gradlab-ime';
  input.type = 'text';
  input.tabIndex = -1;
  input.setAttribute('autocomplete', 'off');
  input.setAttribute('autocapitalize', 'off');
  input.setAttribute('spellcheck', 'false');
  input.setAttribute('aria-hidden', 'true');  // the canvas's text field is the one that counts (a11y.js)
  document.body.appendChild(input);
  let composing = false;

  const send = (text) => {
    if (text && window.Module && Module._gradlab_text_input) Module.ccall('gradlab_text_input', null, ['string'], [text]);
  };
  // A key the input method is not using goes to the canvas, as if the canvas had the focus.
  const forward = (e) => {
    if (composing || e.isComposing || e.keyCode === 229) return;
    const copy = new KeyboardEvent(e.type, {
      key: e.key, code: e.code, location: e.location, repeat: e.repeat, keyCode: e.keyCode, charCode: e.charCode,
      which: e.which, ctrlKey: e.ctrlKey, shiftKey: e.shiftKey, altKey: e.altKey, metaKey: e.metaKey, bubbles: true, cancelable: true,
    });
    canvas.dispatchEvent(copy);
    // A printable key's keydown must go on to make its keypress (the character); every other
    // default (Tab leaving, a character landing in this input) is the canvas's business.
    if (e.type !== 'keydown' || e.key.length !== 1 || e.ctrlKey || e.metaKey) e.preventDefault();
  };
  for (const type of ['keydown', 'keypress', 'keyup']) input.addEventListener(type, forward);
  input.addEventListener('compositionstart', () => {
    composing = true;
    input.classList.add('composing');
  });
  input.addEventListener('compositionend', (e) => {
    composing = false;
    input.classList.remove('composing');
    send(e.data);
    input.value = '';
  });
  input.addEventListener('input', (e) => {
    if (composing || e.isComposing) return;
    send(input.value);
    input.value = '';
  });

  // Called by the app once a frame: whether a text field is being edited, and its caret (CSS
  // pixels in the canvas) and line height.
  function sync(editing, x, y, lineHeight) {
    const focused = document.activeElement;
    if (editing) {
      const box = canvas.getBoundingClientRect();
      input.style.left = `${box.left + x}px`;
      input.style.top = `${box.top + y}px`;
      input.style.height = `${lineHeight}px`;
      input.style.fontSize = `${Math.round(lineHeight * 0.85)}px`;
      if (focused === canvas) input.focus({ preventScroll: true });
    } else if (focused === input) {
      if (composing) return;  // let the syllable finish
      canvas.focus({ preventScroll: true });
    }
  }
  if (window.gradlab) window.gradlab.ime = { sync, input };
})();
