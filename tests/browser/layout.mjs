// Nothing is cut off (issue 14): at a desktop's, a small window's and a phone's size, on every tab,
// a lesson and the projector theme, no control runs past the edge of its panel (the app reports
// such controls as "clipped": src/ui/layout_check.h).
//   node tests/browser/layout.mjs --site build/wasm/site --out build/wasm/screenshots
import path from 'node:path';
import { runBrowserTest, state } from './browser.mjs';

const SETUPS = [
  'tab=train', 'tab=train&data=cifar10&view=predictions&train=1', 'tab=backprop&example=add-mul&bp=end&bp_answers=show',
  'tab=lessons', 'tab=calculators', 'lesson=9.3', 'tab=train&theme=projector', 'tab=train&theme=projector&data=cifar10',
  'tab=backprop&theme=projector', 'tab=calculators&theme=projector', 'tab=calculators&calc=pooling&theme=projector',
  'tab=calculators&calc=regularization&theme=projector', 'tab=calculators&calc=conv&theme=projector',
];

await runBrowserTest('layout', async ({ url, out, t, openPage }) => {
  for (const [width, height] of [[1280, 800], [800, 600], [390, 844]]) {
    const page = await openPage({ viewport: { width, height } });
    for (const setup of SETUPS) {
      await page.goto(`${url}#v=1&${setup}`);
      await page.waitForFunction(() => window.gradlab?.ready() && window.gradlab.state().frame > 3, null, { timeout: 60000 });
      if (setup.includes('train=1')) {
        await page.waitForFunction(() => (window.gradlab.state().train.steps ?? 0) > 0, null, { timeout: 60000 });
      }
      await page.waitForTimeout(400);
      const cut = (await state(page)).clipped;
      t.check(`${width}x${height}, ${setup}: no control is cut off`, cut.length === 0,
              cut.map((c) => `"${c.label}" shows ${Math.round(c.visibleW)} of ${Math.round(c.w)} px`).join('; '));
      if (cut.length) await page.screenshot({ path: path.join(out, `web-cut-${width}x${height}-${setup.replace(/[^a-z0-9]/gi, '_')}.png`) });
    }
    await page.close();
  }
});
