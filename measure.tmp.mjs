import { chromium } from '@playwright/test';
const [url, ...sels] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const w of [1280, 390]) {
  const p = await b.newPage({ viewport: { width: w, height: 800 } });
  await p.goto(url); await p.waitForTimeout(500);
  for (const s of sels) console.log(w, s, await p.locator(s).first().evaluate((e) => { const r = e.getBoundingClientRect(); return `${r.height.toFixed(2)} top ${r.top.toFixed(1)}`; }).catch(e => 'missing'));
}
await b.close();
