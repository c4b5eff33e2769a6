// Korean (issue 13) in headless Chromium, as a student in Seoul meets it:
// - a browser whose language is Korean opens Gradlab in Korean, its font fetched only then, and
//   every glyph of the catalogue is in the font (the app checks; the screenshots show it);
// - switching language from the menu keeps the trained model and the lesson step;
// - Hangul typed through the input method (composition events) and inserted text reach the
//   Backprop tab's expression field;
// - the pseudo-locale (every string a third longer) cuts off no control on any tab.
//   node tests/browser/korean.mjs --site build/wasm/site --out build/wasm/screenshots
import path from 'node:path';
import { afterFrames, clickItem, runBrowserTest, state, typeAtEndOfExpression } from './browser.mjs';

const ready = (page) => page.waitForFunction(() => window.gradlab?.ready() && window.gradlab.state().frame > 3, null, { timeout: 60000 });
const speaks = (page, locale) => page.waitForFunction((l) => window.gradlab.state().language.spoken === l, locale, { timeout: 30000 });
// Picks a language from the Language menu, as a student would, and waits until the app speaks it.
async function chooseLanguage(page, locale) {
  await clickItem(page, 'menu-language');
  await page.waitForFunction((l) => window.gradlab.state().items[`language-${l}`], locale, { timeout: 10000 });
  await clickItem(page, `language-${locale}`);
  await speaks(page, locale);
}
const runOf = (s) => JSON.stringify([s.train.steps, s.train.firstLosses, s.train.lastLoss]);

await runBrowserTest('korean', async ({ url, out, t, openPage }) => {
  // ---- a Korean browser: Korean from the start, the font fetched once
  const korean = await openPage({ viewport: { width: 1280, height: 800 }, locale: 'ko-KR' });
  const fetched = [];
  korean.on('request', (r) => { if (/assets\/(fonts|i18n)\//.test(r.url())) fetched.push(r.url().split('/').pop()); });
  await korean.goto(`${url}#v=1&data=toy:spiral&model=mlp:16+relu&lr=0.5&epochs=3&train=1&lesson=8.2`);
  await ready(korean);
  await speaks(korean, 'ko');
  await korean.waitForFunction(() => window.gradlab.state().train.phase === 'finished', null, { timeout: 60000 });
  await afterFrames(korean, 3);
  let s = await state(korean);
  t.check('a browser set to Korean opens Gradlab in Korean', s.language.locale === 'ko' && s.tabTitle === '학습', `${s.language.locale} ${s.tabTitle}`);
  t.check('the open lesson speaks Korean too (its text_ko)', /[\uac00-\ud7a3]/.test(s.lesson.text) && /[\uac00-\ud7a3]/.test(s.lesson.title),
          `${s.lesson.title}: ${s.lesson.text.slice(0, 60)}`);
  t.check('every glyph of the Korean catalogue is in the font', s.language.missingGlyphs === 0,
          `${s.language.missingGlyphs} missing, e.g. in "${s.language.missingExample}"`);
  t.check('the Korean catalogue and font are fetched once, when Korean is chosen',
          fetched.filter((f) => f === 'ko.otf').length === 1 && fetched.filter((f) => f === 'ko.mo').length === 1, fetched.join(' '));
  await korean.screenshot({ path: path.join(out, 'web-korean-train.png') });

  // ---- a damaged link opened with the page: read before the catalogue arrived, said in Korean once it has
  const damaged = await openPage({ viewport: { width: 1280, height: 800 }, locale: 'ko-KR' });
  await damaged.goto(`${url}#v=1&lr=abc&epochs=7`);
  await ready(damaged);
  await speaks(damaged, 'ko');
  await afterFrames(damaged, 2);
  const d = await state(damaged);
  const lrLine = (/lr: [^;]*/.exec(d.status) || [''])[0];
  t.check('a damaged link opened with the page is explained in Korean', /[\uac00-\ud7a3]/.test(lrLine) &&
          /epochs=7/.test(d.link), d.status);
  await damaged.close();

  // ---- made before Korean arrived, made again in Korean: why a model does not fit the data
  const misfit = await openPage({ viewport: { width: 1280, height: 800 } });
  await misfit.goto(`${url}#v=1&locale=ko&data=toy:spiral&model=conv8k3p1+relu+pool2+fc`);
  await ready(misfit);
  await speaks(misfit, 'ko');
  await afterFrames(misfit, 3);
  const m = (await state(misfit)).train;
  t.check('the model table\'s reason a spec does not fit the data is in Korean', /[\uac00-\ud7a3]/.test(m.modelError) && m.modelError.includes('conv8k3p1'),
          m.modelError);
  await misfit.close();

  // ---- the language menu: the trained run and the lesson step stay
  const before = { run: runOf(s), lesson: s.lesson.active, step: s.lesson.step };
  await chooseLanguage(korean, 'en');
  s = await state(korean);
  t.check('English from the Language menu: the trained run and the lesson step stay',
          s.tabTitle === 'Train' && runOf(s) === before.run && s.lesson.active === before.lesson && s.lesson.step === before.step,
          `${s.tabTitle} ${s.lesson.active}.${s.lesson.step}`);
  t.check('the link carries the language', /locale=en|^v=1(&|$)/.test(s.link) && !/locale=ko/.test(s.link), s.link);
  await chooseLanguage(korean, 'ko');
  s = await state(korean);
  t.check('and back to Korean, with nothing lost (the font is not fetched again)',
          s.tabTitle === '학습' && runOf(s) === before.run && s.lesson.step === before.step && fetched.filter((f) => f === 'ko.otf').length === 1,
          fetched.join(' '));
  await korean.evaluate(() => window.gradlab.open('#v=1&locale=ko&tab=backprop&example=add-mul&bp=end&bp_answers=show'));
  await afterFrames(korean, 5);
  await korean.screenshot({ path: path.join(out, 'web-korean-backprop.png') });
  await korean.evaluate(() => window.gradlab.open('#v=1&locale=ko&lr=abc&classes=cat,dgo'));
  s = await state(korean);
  t.check('a damaged link is explained in Korean, naming its keys', /링크의 일부 설정을 쓰지 않았습니다/.test(s.status) && /lr: /.test(s.status) &&
          /dgo/.test(s.status), s.status);
  // The engine's own messages: a model spec, an expression, a value the registry refuses.
  await korean.evaluate(() => window.gradlab.open('#v=1&locale=ko&model=conv8k3+relu+swish'));
  s = await state(korean);
  const hangul = /[\uac00-\ud7a3]/;
  const modelLine = (/model: [^;]*/.exec(s.status) || [''])[0];
  t.check('a model spec\'s error is in Korean, pointing at the word', hangul.test(modelLine) && modelLine.includes("'swish'"), s.status);
  await korean.evaluate(() => window.gradlab.open('#v=1&locale=ko&tab=backprop&expr=f%3D(x%2By'));
  await afterFrames(korean, 3);
  s = await state(korean);
  const exprLine = (/expr: [^;]*/.exec(s.status) || [''])[0];  // "(": the column where ")" is missing, 7
  t.check('an expression\'s error is in Korean, with its column', hangul.test(exprLine) && /7/.test(exprLine), s.status);
  // The layer reads the app twice a second.
  await korean.waitForFunction(() => document.getElementById('a11y-tab').textContent.includes('역전파'), null, { timeout: 5000 })
    .catch(() => {});
  const layer = await korean.evaluate(() => [document.getElementById('a11y').getAttribute('aria-label'),
                                             document.getElementById('a11y-tab').textContent]);
  t.check('the screen-reader layer speaks Korean too', hangul.test(layer[0]) && layer[1].includes('역전파'), layer.join(' | '));
  await korean.evaluate(() => window.gradlab.open('#v=1&locale=ko&lesson=5.1'));
  await afterFrames(korean, 5);
  await korean.screenshot({ path: path.join(out, 'web-korean-lesson.png') });
  // The terms mode: the glossary's English beside its Korean, as the lecture writes them.
  await clickItem(korean, 'menu-language');
  await clickItem(korean, 'language-terms');
  await afterFrames(korean, 4);
  s = await state(korean);
  t.check('the terms mode puts the English term beside the Korean: 규제(regularization)', s.lesson.title.includes('규제(regularization)') &&
          /terms=1/.test(s.link), `${s.lesson.title} | ${s.link}`);
  await korean.screenshot({ path: path.join(out, 'web-korean-terms.png') });
  await korean.evaluate(() => window.gradlab.set('terms', '0'));

  // ---- text typed and not yet built stays when the graph is remade for the language (the terms mode)
  await korean.evaluate(() => window.gradlab.open('#v=1&locale=ko&tab=backprop&expr=f%3Dx*y'));
  await afterFrames(korean, 5);
  await typeAtEndOfExpression(korean, ' + 0');
  await clickItem(korean, 'menu-language');  // the field lets go of its text here, as for a user
  await clickItem(korean, 'language-terms');
  await afterFrames(korean, 4);
  s = await state(korean);
  t.check('text typed and not yet built outlives a change of the terms mode',
          s.backprop.expression.length > 0 && s.backprop.typed === `${s.backprop.expression} + 0`,
          `typed ${JSON.stringify(s.backprop.typed)}, built ${JSON.stringify(s.backprop.expression)}`);
  await korean.evaluate(() => window.gradlab.set('terms', '0'));

  // ---- typing Hangul: an input method's composition, and inserted text
  await korean.evaluate(() => window.gradlab.open('#v=1&locale=ko&tab=backprop&example=add-mul'));
  await afterFrames(korean, 5);
  await clickItem(korean, 'expr-field');
  await afterFrames(korean, 3);
  await korean.keyboard.press('End');
  const cdp = await korean.context().newCDPSession(korean);
  for (const partial of ['ㅎ', '하', '한'])  // what a Korean IME shows while the syllable grows
    await cdp.send('Input.imeSetComposition', { text: partial, selectionStart: partial.length, selectionEnd: partial.length });
  await cdp.send('Input.insertText', { text: '한' });  // the syllable is committed
  await korean.keyboard.insertText('글');              // text that comes without keys (a paste, an on-screen keyboard)
  await korean.keyboard.press('Enter');
  await afterFrames(korean, 3);
  s = await state(korean);
  t.check('Hangul composed by an input method and inserted text reach the expression field', s.backprop.typed.endsWith('한글'),
          JSON.stringify(s.backprop.typed));
  t.check('each syllable arrives once (keys the input method does not use still reach the app)', !/한한|글글/.test(s.backprop.typed) && s.backprop.typed.startsWith('f = '),
          JSON.stringify(s.backprop.typed));
  // "한글" is not part of an expression: Enter built nothing and the error names the '한'.
  const column = [...s.backprop.typed].indexOf('한') + 1;
  t.check('the parse error is in Korean and names the column of the first Hangul letter',
          s.backprop.unparsed === s.backprop.typed && hangul.test(s.backprop.parseError) && s.backprop.parseColumn === column,
          `${s.backprop.parseError} (column ${s.backprop.parseColumn}, expected ${column})`);
  await korean.screenshot({ path: path.join(out, 'web-korean-typed.png') });
  // Remade for the terms mode, the field keeps its text and the error stays (parsed again, in the current language).
  await clickItem(korean, 'menu-language');
  await clickItem(korean, 'language-terms');
  await afterFrames(korean, 4);
  const typedError = s.backprop;
  s = await state(korean);
  t.check('a parse error outlives a change of the terms mode', s.backprop.typed === typedError.typed &&
          s.backprop.parseColumn === typedError.parseColumn && s.backprop.parseError.length > 0, JSON.stringify(s.backprop.parseError));
  await korean.evaluate(() => window.gradlab.set('terms', '0'));
  await korean.close();

  // ---- a phone's dense screen: Hangul at three device pixels per pixel still fits a texture
  // every phone can hold (4096 px a side)
  const phone = await openPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, locale: 'ko-KR' });
  await phone.goto(`${url}#v=1&tab=lessons`);
  await ready(phone);
  await speaks(phone, 'ko');
  s = await state(phone);
  t.check('on a phone (3x) Korean is drawn from a font atlas of at most 4096 px a side, with every glyph',
          s.language.atlas[0] <= 4096 && s.language.atlas[1] <= 4096 && s.language.missingGlyphs === 0 && s.display.scale === 3,
          `${s.language.atlas.join('x')}, scale ${s.display.scale}, ${s.language.missingGlyphs} missing`);
  await phone.screenshot({ path: path.join(out, 'web-korean-phone.png') });
  await phone.close();

  // ---- the pseudo-locale: longer text cuts off no control
  const pseudo = await openPage({ viewport: { width: 1280, height: 800 } });
  await pseudo.goto(`${url}#v=1&locale=pseudo`);
  await ready(pseudo);
  await speaks(pseudo, 'pseudo');
  const clipped = [];
  for (const tab of ['train', 'backprop', 'lessons', 'calculators']) {
    await pseudo.evaluate((x) => window.gradlab.set('tab', x), tab);
    await afterFrames(pseudo, 4);
    s = await state(pseudo);
    clipped.push(...s.clipped.map((c) => `${tab}: "${c.label}" shows ${Math.round(c.visibleW)} of ${Math.round(c.w)} px`));
  }
  t.check('in the pseudo-locale (every string a third longer) no control is cut off', clipped.length === 0, clipped.join('; '));
  await pseudo.evaluate(() => window.gradlab.set('tab', 'train'));
  await afterFrames(pseudo, 4);
  await pseudo.screenshot({ path: path.join(out, 'web-pseudo-train.png') });
});
