// The Backprop tab in headless Chromium: opens the lecture's f = (x + y) z example (x = -2,
// y = 5, z = -4), steps forward to the end of the forward pass and backward to the end, reading
// the graph through window.gradlab.state() after every step, then steps back to the start.
// Screenshots of each tab go to --out.
//   node tests/browser/backprop.mjs --site build/wasm/site --out build/wasm/screenshots
import path from 'node:path';
import { runBrowserTest } from './browser.mjs';

await runBrowserTest('browser backprop test', async ({ url, out, t, openPage }) => {
  const page = await openPage({ viewport: { width: 1400, height: 860 } });
  await page.goto(`${url}?tab=backprop&example=add-mul`);
  await page.waitForFunction(() => window.gradlab && window.gradlab.ready() && window.gradlab.state().frame > 3, null, { timeout: 60000 });
  const graph = () => page.evaluate(() => window.gradlab.state().backprop.graph);
  const byLabel = (g) => Object.fromEntries(g.nodes.map((n) => [n.label, n]));
  const step = async (what) => { await page.evaluate((w) => window.gradlab.set('bp', w), what); return graph(); };

  let g = await graph();
  t.check('the example opens at step 0 of 4 with only the inputs known',
          g.position === 0 && g.steps.total === 4 && g.nodes.filter((n) => n.value !== null && n.kind === 'op').length === 0,
          `position ${g.position}, ${g.steps.forward} forward + ${g.steps.backward} backward steps`);
  g = await step('step');
  t.check('forward step 1 computes q = x + y = 3', byLabel(g).q.value === 3 && byLabel(g).f.value === null);
  g = await step('step');
  t.check('forward step 2 computes f = q z = -12', byLabel(g).f.value === -12 && g.phase === 'forward');
  g = await step('step');
  const b1 = byLabel(g);
  t.check('backward step 1 (at f): df/dq = z = -4, df/dz = q = 3 (multiply swaps its inputs)',
          b1.q.grad === -4 && b1.z.grad === 3 && b1.x.grad_state === 'unknown', JSON.stringify(g.edges.map((e) => e.formula)));
  g = await step('step');
  const b2 = byLabel(g);
  t.check('backward step 2 (at q): df/dx = df/dy = -4 (add distributes)', b2.x.grad === -4 && b2.y.grad === -4 && g.at_end,
          g.edges.map((e) => e.formula).join('; '));
  t.check('the formula shows upstream x local = downstream', g.edges.some((e) => e.formula === '∂f/∂x = ∂f/∂q · ∂q/∂x = -4 · 1 = -4'));
  t.check('the numerical check agrees', g.gradcheck.every((r) => r.relative_error < 1e-6));
  await page.screenshot({ path: path.join(out, 'web-backprop-end.png') });

  for (let i = 0; i < 4; i++) g = await step('back');
  t.check('stepping back four times returns to the start', g.position === 0 && byLabel(g).q.value === null);
  await page.evaluate(() => window.gradlab.set('x', '1'));
  g = await step('end');
  t.check('changing an input recomputes: x = 1 gives f = -24', byLabel(g).f.value === -24);

  for (const tab of ['train', 'lessons', 'calculators']) {
    await page.evaluate((name) => window.gradlab.set('tab', name), tab);
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(out, `web-tab-${tab}.png`) });
  }

  // The lecture's graphs read cleanly: no number on an edge covers a node's labels or another
  // edge's numbers, on a desktop, a small window and a phone.
  for (const [width, height] of [[1280, 800], [800, 600], [390, 844]]) {
    const small = await openPage({ viewport: { width, height } });
    for (const example of ['add-mul', 'max-gate']) {
      await small.goto(`${url}#v=1&tab=backprop&example=${example}&bp=end&bp_answers=show`);
      await small.waitForFunction(() => window.gradlab?.ready() && window.gradlab.state().frame > 3, null, { timeout: 60000 });
      await small.waitForTimeout(300);
      const overlaps = await small.evaluate(() => window.gradlab.state().backprop.labelOverlaps);
      t.check(`${example} at ${width}x${height}: no graph label covers another`, overlaps === 0, `${overlaps} overlapping`);
      await small.screenshot({ path: path.join(out, `web-backprop-${example}-${width}x${height}.png`) });
    }
    await small.close();
  }
});
