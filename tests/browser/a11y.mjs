// The text layer for screen readers (web/a11y.js, issue 14): Chromium's accessibility tree holds
// the tab, the Backprop step's formula and the last epoch's metrics, as a screen reader reads them.
//   node tests/browser/a11y.mjs --site build/wasm/site --out build/wasm/screenshots
import { afterFrames, clickItem, runBrowserTest, typeAtEndOfExpression } from './browser.mjs';

await runBrowserTest('a11y', async ({ url, t, openPage }) => {
  const page = await openPage({ viewport: { width: 1280, height: 800 } });
  const tree = () => page.locator('body').ariaSnapshot();
  await page.goto(`${url}#v=1&tab=backprop&example=add-mul&bp=end`);
  await page.waitForFunction(() => window.gradlab?.ready() && window.gradlab.state().frame > 3, null, { timeout: 60000 });
  await page.waitForTimeout(1200);  // the layer refreshes twice a second
  let text = await tree();
  t.check('the accessibility tree names the tab as a heading', /heading "Backprop tab"/.test(text), text.slice(0, 300));
  t.check('it holds the backprop step\'s formula', text.includes('∂f/∂x = ∂f/∂q · ∂q/∂x = -4 · 1 = -4'), text.slice(0, 600));

  // The keyboard's focus, as a screen reader names it: a click on "Run to the end >>", then the
  // arrow to the right moves the focus to the "Show answers" checkbox.
  await clickItem(page, 'bp-end');
  await page.waitForTimeout(150);
  let focus = await page.evaluate(() => window.gradlab.state().focus);
  t.check('the hook names the clicked button', focus.label === 'Run to the end >>' && focus.role === 'button', JSON.stringify(focus));
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(150);
  focus = await page.evaluate(() => window.gradlab.state().focus);
  t.check('an arrow key moves the focus, and the hook names the control with its role and state',
          focus.label === 'Show answers' && focus.role === 'checkbox' && /^(not )?checked$/.test(focus.state), JSON.stringify(focus));
  await page.waitForTimeout(1200);
  text = await tree();
  t.check('the accessibility tree says which control has the focus', text.includes(`Focus: Show answers, checkbox, ${focus.state}`), text.slice(0, 400));

  // Up from there to the drop-down list of examples: ImGui's combo boxes report nothing to the
  // hook by themselves (focused_control.cpp names them).
  const passedUp = [];
  for (let press = 0; press < 6 && focus.role !== 'combobox'; ++press) {
    await page.keyboard.press('ArrowUp');
    await page.waitForTimeout(150);
    focus = await page.evaluate(() => window.gradlab.state().focus);
    passedUp.push(focus);
  }
  // On the way: the expression's field, drawn without a label, named and read out all the same.
  const expression = passedUp.find((f) => f.label === 'expression');
  t.check('a field without a visible label is named, with its text', expression && expression.role === 'field' && expression.state.includes('z'),
          JSON.stringify(passedUp));
  t.check('a drop-down list is named with its role and value', focus.label === 'example' && focus.role === 'combobox' && focus.state === 'add-mul', JSON.stringify(focus));
  await page.waitForTimeout(1200);
  text = await tree();
  t.check('and so the accessibility tree reads it', text.includes('Focus: example, combo box, add-mul'), text.slice(0, 400));

  await page.evaluate(() => window.gradlab.open('#v=1&tab=train&data=toy:spiral&model=mlp:16+relu&lr=0.5&epochs=3&train=1'));
  await page.waitForFunction(() => window.gradlab.state().train.phase === 'finished', null, { timeout: 60000 });
  await page.waitForTimeout(1200);
  text = await tree();
  const s = await page.evaluate(() => window.gradlab.state().train);
  const test = `${(100 * s.lastEpoch.testAccuracy).toFixed(1)} %`;
  t.check('it holds the last epoch\'s metrics', text.includes('Epoch 3 of 3') && text.includes(`test accuracy ${test}`), text.slice(0, 600));
  t.check('and the result in words', text.includes('Finished: test accuracy'), text.slice(0, 600));
  t.check('the focus line forgets a control of the tab left behind', !text.includes('Focus: example'), text.slice(0, 400));
  // A radio button says it is one, and whether it is the chosen one (ImGui calls it a button).
  await clickItem(page, 'loss-svm');
  await page.waitForTimeout(150);
  focus = await page.evaluate(() => window.gradlab.state().focus);
  t.check('a radio button is named with its role and state', focus.label === 'SVM loss' && focus.role === 'radio' && focus.state === 'checked', JSON.stringify(focus));
  // Down to the learning rate's field, which says its value (the link's lr=0.5).
  const passed = [];
  for (let press = 0; press < 10 && focus.label !== 'learning rate'; ++press) {
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(150);
    focus = await page.evaluate(() => window.gradlab.state().focus);
    passed.push(`${focus.label}: ${focus.state}`);
  }
  t.check('a field is read out with its value', focus.label === 'learning rate' && focus.role === 'field' && focus.state === '0.5', passed.join(' | '));

  // Up out of a tab's content comes back to the tab shown, not to the tab nearest above (ImGui's
  // arrows go by geometry: from the Calculators' section list that was Lessons).
  const keys = await openPage({ viewport: { width: 1280, height: 800 } });
  await keys.goto(`${url}#v=1&tab=calculators`);
  await keys.waitForFunction(() => window.gradlab?.ready() && window.gradlab.state().frame > 3, null, { timeout: 60000 });
  const heard = [];
  for (const key of ['ArrowDown', 'ArrowUp', 'ArrowLeft']) {
    await keys.keyboard.press(key);
    await keys.waitForTimeout(150);
    heard.push(await keys.evaluate(() => window.gradlab.state().focus));
  }
  t.check('Down goes into the Calculators tab, Up comes back to its tab, Left goes on along the tabs',
          heard[0].role === 'group' && heard[1].label === 'Calculators' && heard[1].state === 'selected' &&
          heard[2].label === 'Lessons' && heard[2].role === 'tab', JSON.stringify(heard));
  await keys.close();

  // A cell of the pooling grid, drawn without a label, is named by its place and read with its value.
  await page.evaluate(() => window.gradlab.open('#v=1&tab=calculators&calc=pooling'));
  await clickItem(page, 'pool-cell-1');
  await page.waitForTimeout(150);
  focus = await page.evaluate(() => window.gradlab.state().focus);
  t.check('a cell of a grid without labels is named by its row and column, with its value',
          focus.label === 'row 1, column 1' && focus.role === 'field' && /^-?\d+$/.test(focus.state), JSON.stringify(focus));

  // An expression that does not parse is read out with its column.
  await page.evaluate(() => window.gradlab.open('#v=1&tab=backprop&example=add-mul'));
  await afterFrames(page, 5);
  await typeAtEndOfExpression(page, ' + 1');
  // Two Backspaces within one frame (a fast typist on a slow frame): both act, each in its own
  // frame; ImGui 1.86 would read them as one press.
  await page.evaluate(() => {
    const canvas = document.getElementById('canvas');
    for (let i = 0; i < 2; i++)
      for (const type of ['keydown', 'keyup'])
        canvas.dispatchEvent(new KeyboardEvent(type, { key: 'Backspace', code: 'Backspace', keyCode: 8, which: 8, bubbles: true, cancelable: true }));
  });
  await afterFrames(page, 4);
  const typed = await page.evaluate(() => window.gradlab.state().backprop.typed);
  t.check('two keys pressed within one frame both act', typed.endsWith(') * z +'), JSON.stringify(typed));
  await page.keyboard.press('Enter');
  await afterFrames(page, 3);
  await page.waitForTimeout(1200);
  text = await tree();
  t.check('an expression that does not parse is read out with its column', /ends too early at column \d+/.test(text), text.slice(0, 600));

  await page.evaluate(() => window.gradlab.open('#v=1&lesson=9.2'));
  await page.waitForTimeout(1200);
  text = await tree();
  t.check('it reads the lesson step', /Lesson 9: Backprop on f = \(x \+ y\) z, step 2 of/.test(text), text.slice(0, 800));
});
