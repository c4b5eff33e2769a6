import { runBrowserTest, state } from './browser.mjs';
await runBrowserTest('shot', async ({ url, out, openPage, opt }) => {
  const page = await openPage({ viewport: { width: Number(opt.w), height: Number(opt.h) }, hasTouch: opt.touch === '1', isMobile: opt.touch === '1', deviceScaleFactor: Number(opt.dpr) });
  for (const link of opt.links.split(' ')) {
    await page.goto(`${url}#${link}`);
    await page.waitForFunction(() => window.gradlab?.ready() && window.gradlab.state().frame > 3, null, { timeout: 60000 });
    await page.waitForTimeout(Number(opt.wait));
    await page.screenshot({ path: `${out}/${opt.prefix}${link.replace(/[^a-z0-9.]/gi, '_').slice(0, 60)}.png` });
  }
}, { links: '', w: 1280, h: 800, wait: 1500, touch: '0', dpr: 1, prefix: '' });
