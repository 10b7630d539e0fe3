// Browser benchmarks of the page and the wasm module in headless Chromium; prints medians.
//   node tests/bench/page.mjs            (after scripts/build.sh)
//   node tests/bench/page.mjs --native   (also runs `cargo bench` for the wasm/native ratio)
// Not a test: it asserts nothing, it measures.
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { setup, open, ROOT } from '../e2e/browser.mjs';

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const ms = (x) => `${x.toFixed(x < 1 ? 3 : 2)} ms`;
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
report.push(['first result drawn after navigation (localhost)', ms(median(firsts)), 'target < 500 ms']);

// Slider input to updated DOM: the input handler, synchronously, then to the next frame.
const o = await open(env.browser, env.server.url);
await o.page.waitForSelector('html[data-ready]');
const slider = await o.page.evaluate(async () => {
  const input = document.getElementById('p-repatriation.russia');
  const headline = document.getElementById('headline');
  const sync = [];
  const frame = [];
  for (let i = 0; i < 200; i++) {
    input.value = String((i % 100) / 100);
    const before = headline.textContent;
    const t0 = performance.now();
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const t1 = performance.now();
    if (headline.textContent === before && i % 100) throw new Error('headline did not change');
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    sync.push(t1 - t0);
    frame.push(performance.now() - t0);
  }
  return { sync, frame };
});
report.push(['slider input to updated DOM (handler: model, band of 2,000 draws, charts)', ms(median(slider.sync)), 'target < 16 ms']);
report.push(['slider input to the next frame', ms(median(slider.frame)), '']);

// The wasm API from JavaScript, boundary included.
const api = await o.page.evaluate(async () => {
  const m = await import('./pkg/dprk_labor.js');
  const statusQuo = m.presets().find((p) => p.id === 'statusQuo').values;
  const time = (f, n) => { const t = []; for (let i = 0; i < n; i++) { const t0 = performance.now(); f(); t.push(performance.now() - t0); } t.sort((a, b) => a - b); return t[t.length >> 1]; };
  const batch = (f, n) => { const t0 = performance.now(); for (let i = 0; i < n; i++) f(); return (performance.now() - t0) / n; };
  return {
    evaluate: batch(() => m.evaluate(statusQuo), 2000),
    evaluate40: batch(() => m.evaluate({ ...statusQuo, endYear: 2057 }), 1000),
    mc10k: time(() => m.uncertainty(statusQuo, { draws: 10000, seed: 1 }), 15),
    mc2k: time(() => m.uncertainty(statusQuo, { draws: 2000, seed: 1 }), 30),
    tornado: time(() => m.sensitivity(statusQuo, {}), 50),
    goal: time(() => m.goalSeek(statusQuo, { lever: 'designationsPerYear', targetDeniedShare: 0.36 }), 50),
    backtest: time(() => m.backtest(statusQuo), 15),
  };
});
await o.context.close();
report.push(['evaluate() in Chromium incl. JS boundary, default horizon (mean of 2,000)', ms(api.evaluate), '']);
report.push(['evaluate() in Chromium incl. JS boundary, 41 years (mean of 1,000)', ms(api.evaluate40), '']);
report.push(['uncertainty() 10,000 draws, default horizon, wasm in Chromium', ms(api.mc10k), 'target < 50 ms']);
report.push(['uncertainty() 2,000 draws (the page default)', ms(api.mc2k), '']);
report.push(['sensitivity() tornado, 40 evaluations', ms(api.tornado), '']);
report.push(['goalSeek()', ms(api.goal), '']);
report.push(['backtest() with 1,000 draws', ms(api.backtest), '']);

// Page weight: every file the page requested, gzipped.
const files = [...new Set(env.server.requests)].filter((p) => p === '/' || /\.(html|css|js|wasm)$/.test(p));
let total = 0;
const sizes = files.map((p) => {
  const body = readFileSync(`${ROOT}www${p === '/' ? '/index.html' : p}`);
  const gz = gzipSync(body, { level: 9 }).length;
  total += p.endsWith('methodology.html') || p.endsWith('methodology.js') ? 0 : gz;
  return `${p} ${body.length} B raw, ${gz} B gzipped`;
});
report.push(['page weight (HTML, CSS, JS, wasm), gzipped', `${(total / 1024).toFixed(1)} KB`, 'target < 150 KB']);
await env.close();

if (process.argv.includes('--native')) {
  const out = execFileSync('cargo', ['bench', '--bench', 'evaluate'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const native = (name) => {
    const line = out.split('\n').find((l) => l.includes(name));
    const [value, unit] = line.split('│')[2].trim().split(/\s+/);
    return Number(value) * { ns: 1e-6, 'µs': 1e-3, ms: 1 }[unit];
  };
  report.push(['native uncertainty() 10,000 draws (divan median)', ms(native('uncertainty_10k_draws')), 'target < 20 ms']);
  report.push(['wasm/native ratio, 10,000 draws', `${(api.mc10k / native('uncertainty_10k_draws')).toFixed(2)}×`, '']);
  report.push(['native evaluate(), default horizon (divan median)', ms(native('evaluate_default')), 'target < 0.005 ms']);
  report.push(['native evaluate(), 41 years (divan median)', ms(native('evaluate_40_years')), 'target < 0.005 ms']);
}

const width = Math.max(...report.map((r) => r[0].length));
for (const [name, value, target] of report) console.log(`${name.padEnd(width)}  ${value.padStart(10)}  ${target}`);
console.log('\nfiles:\n  ' + sizes.join('\n  '));
