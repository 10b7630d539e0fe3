// Browser benchmarks of the page in headless Chromium, from the release build in site/:
// the synchronous work of a slider input, when the band follows, the first result, the
// analyses in the worker's module, and the gzipped weight of everything the page loads.
// Prints medians and 95th percentiles; asserts nothing.
//   bash scripts/build.sh && node tests/bench/page.mjs [--native]
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { setup, open, ROOT } from '../e2e/browser.mjs';
import { quantile } from './measure.mjs';

const ms = (x) => `${x.toFixed(x < 1 ? 3 : 2)} ms`;
const both = (xs) => `${ms(quantile(xs, 0.5))} (p95 ${ms(quantile(xs, 0.95))})`;
const env = await setup();
const report = [];

// First result drawn after navigation, over 15 fresh loads.
const firsts = [];
for (let i = 0; i < 15; i++) {
  const o = await open(env.browser, env.server.url);
  await o.page.waitForSelector('html[data-ready]');
  firsts.push(await o.page.evaluate(() => performance.getEntriesByName('dprk-labor:first-result')[0].startTime));
  await o.context.close();
}
report.push(['first result drawn after navigation (localhost)', both(firsts)]);

// Slider input: the synchronous work from the input event to the end of its handler (the
// DOM is changed by then), over 40 moves a frame apart; and when the band follows.
const o = await open(env.browser, env.server.url);
await o.page.waitForSelector('html[data-ready]');
await o.page.waitForFunction(() => document.querySelectorAll('#revenue-chart path[fill-opacity]').length === 2);
const slider = await o.page.evaluate(async () => {
  const input = document.getElementById('p-visaClarification');
  const headline = document.getElementById('headline');
  const band = () => document.querySelector('#revenue-chart path[fill-opacity]').getAttribute('d');
  const sync = [];
  const follow = [];
  for (let i = 0; i < 40; i++) {
    input.value = String(((i * 7) % 20 + 1) / 20);
    const before = headline.textContent;
    const bandBefore = band();
    const t0 = performance.now();
    input.dispatchEvent(new Event('input', { bubbles: true }));
    sync.push(performance.now() - t0);
    if (headline.textContent === before) throw new Error('the headline did not change');
    // The band follows from the worker: time until its path changes.
    while (band() === bandBefore && performance.now() - t0 < 2000) await new Promise((r) => setTimeout(r, 1));
    follow.push(performance.now() - t0);
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }
  return { sync, follow };
});
report.push(['slider input: synchronous work of the handler (model, figures, charts)', both(slider.sync)]);
report.push(['slider input until the band of 2,000 draws is redrawn (worker)', both(slider.follow)]);

// The module's analyses, in the page's main thread (the worker runs the same code).
const api = await o.page.evaluate(async () => {
  const m = await import('./pkg/dprk_labor.js');
  const record = m.presets().find((p) => p.id === 'record').values;
  const time = (f, n) => { const t = []; for (let i = 0; i < n; i++) { const t0 = performance.now(); f(); t.push(performance.now() - t0); } return t; };
  return {
    mc2k: time(() => m.uncertainty(record, { draws: 2000, seed: 1 }), 30),
    tornado: time(() => m.sensitivity(record, { host: 'russia', from: 2027 }), 30),
    goal: time(() => m.goalSeek(record, { levers: ['permitBan.russia', 'repatriation.russia'], targetShare: 0.5, host: 'russia', from: 2027, comparator: 'record' }), 30),
    backtest: time(() => m.backtest(record), 15),
  };
});
await o.context.close();
report.push(['uncertainty(), 2,000 draws (the page default)', both(api.mc2k)]);
report.push(['sensitivity(), tornado', both(api.tornado)]);
report.push(['goalSeek(), two levers for Russia from 2027', both(api.goal)]);
report.push(['backtest(), with its 1,000-draw bands', both(api.backtest)]);

// Page weight: every file the page requested, gzipped (the methodology is another page).
const files = [...new Set(env.server.requests)].filter((p) => (p === '/' || /\.(html|css|js|wasm)$/.test(p)) && !p.includes('methodology'));
let total = 0;
const sizes = files.map((p) => {
  const body = readFileSync(`${ROOT}site${p === '/' ? '/index.html' : p}`);
  const gz = gzipSync(body, { level: 9 }).length;
  total += gz;
  return `${p} ${body.length} B raw, ${gz} B gzipped`;
});
report.push(['page weight: everything the page loads, gzipped', `${(total / 1024).toFixed(1)} KB`]);
await env.close();

if (process.argv.includes('--native')) {
  const out = execFileSync('cargo', ['bench', '--bench', 'evaluate'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  for (const name of ['evaluate_record', 'evaluate_model1', 'uncertainty_10k_draws', 'uncertainty_10k_draws_one_thread']) {
    const line = out.split('\n').find((l) => l.includes(`${name} `));
    report.push([`native ${name} (divan median)`, line.split('│')[2].trim()]);
  }
}

const width = Math.max(...report.map((r) => r[0].length));
for (const [name, value] of report) console.log(`${name.padEnd(width)}  ${value}`);
console.log('\nfiles:\n  ' + sizes.join('\n  '));
