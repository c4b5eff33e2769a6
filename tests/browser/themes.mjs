// Themes (issue 14): the page starts light or dark as the browser prefers unless the link says
// otherwise, and the projector theme has large text and still lays the lecture's graph out cleanly.
//   node tests/browser/themes.mjs --site build/wasm/site --out build/wasm/screenshots
import path from 'node:path';
import { runBrowserTest, state } from './browser.mjs';

const ready = (page) => page.waitForFunction(() => window.gradlab?.ready() && window.gradlab.state().frame > 3, null, { timeout: 60000 });

await runBrowserTest('themes', async ({ url, out, t, openPage }) => {
  for (const [scheme, link, want] of [['light', '', 'light'], ['dark', '', 'dark'], ['light', '&theme=dark', 'dark']]) {
    const page = await openPage({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
    await page.goto(`${url}#v=1${link}`);
    await ready(page);
    const s = await state(page);
    t.check(`a browser that prefers ${scheme}${link ? `, with ${link.slice(1)}` : ''}, starts ${want}`, s.theme === want, s.theme);
    await page.close();
  }

  const page = await openPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${url}#v=1&theme=projector&tab=backprop&example=add-mul&bp=end&bp_answers=show`);
  await ready(page);
  await page.waitForTimeout(300);
  let s = await state(page);
  t.check('the projector theme draws text 1.5 times larger', s.theme === 'projector' && s.fontSize >= 23, `${s.theme}, ${s.fontSize} px`);
  t.check('in the projector theme no label of the lecture\'s graph covers another', s.backprop.labelOverlaps === 0, String(s.backprop.labelOverlaps));
  await page.screenshot({ path: path.join(out, 'web-projector-backprop.png') });
  await page.evaluate(() => window.gradlab.open('#v=1&theme=projector&tab=train&data=toy:spiral&model=mlp:16+relu&lr=0.5&epochs=10&train=1'));
  await page.waitForFunction(() => window.gradlab.state().train.phase === 'finished', null, { timeout: 60000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(out, 'web-projector-train.png') });
  await page.evaluate(() => window.gradlab.set('theme', 'dark'));
  await page.waitForTimeout(300);
  s = await state(page);
  t.check('switching back to the dark theme brings the usual text size back', s.theme === 'dark' && s.fontSize === 16, `${s.theme}, ${s.fontSize} px`);
});
