// The scenario page in headless Chromium, as a reader and an analyst would use it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setup, open, axe, SHOTS, ROOT, MODEL_VERSION } from './browser.mjs';


let env;
const foreign = [];
before(async () => { env = await setup(); });
after(async () => {
  await env.close();
  assert.deepEqual(foreign, [], 'no request may leave the origin');
  assert.ok(env.server.requests.length > 0);
});

/** Opens the page, waits until it has drawn, and checks for console errors at the end. */
async function page(query = '', size) {
  const o = await open(env.browser, env.server.url + query, size);
  await o.page.waitForSelector('html[data-ready]');
  o.done = async () => {
    foreign.push(...o.foreign);
    assert.deepEqual(o.errors, [], 'console errors');
    await o.context.close();
  };
  return o;
}

/** The model's own answer for a scenario, computed in the page's wasm module. */
function evaluateIn(p, scenario) {
  return p.evaluate(async (s) => (await import('./pkg/dprk_labor.js')).evaluate(s), scenario);
}
const presetValues = (p, id) => p.evaluate(async (id) => (await import('./pkg/dprk_labor.js')).presets().find((x) => x.id === id).values, id);
const settled = (p) => p.waitForTimeout(350);
const text = (p, sel) => p.locator(sel).innerText();

test('loads with no console error and shows the status quo', async () => {
  const o = await page();
  // Chromium's wasm gives the native golden numbers, to the bit.
  const golden = JSON.parse(readFileSync(`${ROOT}tests/golden/statusQuo.json`, 'utf8'));
  const expected = await evaluateIn(o.page, await presetValues(o.page, 'statusQuo'));
  assert.deepEqual(expected, golden);
  assert.match(await text(o.page, '#headline'), /\$325M/);
  assert.match(await text(o.page, '#sentence'), /status quo scenario.*\$4\.65bn over 2017–2030/);
  assert.equal(await o.page.locator('#preset').inputValue(), 'statusQuo');
  // Calibration is shown: bottom-up next to the published estimate, with the scale.
  assert.match(await text(o.page, '#calibration'), /\$337M.*\$500M.*×1\.485/s);
  // The band is drawn behind the line (two filled areas), and observation markers are there.
  assert.equal(await o.page.locator('#revenue-chart path[fill-opacity]').count(), 2);
  assert.ok(await o.page.locator('#workers-chart .marker').count() >= 5);
  await o.done();
});

test('moving a lever with the keyboard changes the headline and the URL', async () => {
  const o = await page();
  const before = await text(o.page, '#headline');
  const slider = o.page.locator('#p-repatriation\\.russia');
  await slider.focus();
  for (let i = 0; i < 5; i++) await o.page.keyboard.press('ArrowRight');
  assert.equal(await slider.inputValue(), '0.35');
  assert.equal(await slider.getAttribute('aria-valuetext'), '35% a year');
  assert.notEqual(await text(o.page, '#headline'), before);
  await settled(o.page);
  const url = new URL(o.page.url());
  assert.equal(url.searchParams.get('repatriation.russia'), '0.35');
  assert.equal(url.searchParams.get('v'), MODEL_VERSION);
  assert.equal(await o.page.locator('#preset').inputValue(), '', 'no preset matches any more');
  // The band's draws and seed are state too.
  const band = () => o.page.locator('#revenue-chart path[fill-opacity]').first().getAttribute('d');
  const before95 = await band();
  await o.page.locator('#seed').fill('7');
  await o.page.locator('#seed').press('Enter');
  await o.page.locator('#draws').fill('5000');
  await o.page.locator('#draws').press('Tab');
  await settled(o.page);
  assert.notEqual(await band(), before95);
  const q = new URL(o.page.url()).searchParams;
  assert.equal(q.get('seed'), '7');
  assert.equal(q.get('draws'), '5000');
  await o.page.locator('#draws').fill('12');
  await o.page.locator('#draws').press('Tab');
  assert.equal(await o.page.locator('#draws').getAttribute('aria-invalid'), 'true');
  await o.done();
});

test('a URL round trip restores exactly that scenario', async () => {
  const query = `?preset=closeVisaLoophole&wage.china=450&endYear=2040&compare=fullCompliance&band=0&v=${MODEL_VERSION}`;
  const o = await page(query);
  assert.ok(await o.page.locator('#notices').isHidden(), 'a current link raises no notice');
  const scenario = { ...(await presetValues(o.page, 'closeVisaLoophole')), 'wage.china': 450, endYear: 2040 };
  const expected = await evaluateIn(o.page, scenario);
  assert.equal(await o.page.locator('#p-wage\\.china').inputValue(), '450');
  assert.equal(await o.page.locator('#compare').inputValue(), 'fullCompliance');
  assert.equal(await o.page.locator('#band').isChecked(), false);
  assert.equal(await o.page.locator('#revenue-chart path[fill-opacity]').count(), 0);
  assert.ok(await o.page.locator('#draws').isDisabled());
  assert.match(await text(o.page, '#headline'), new RegExp(`Revenue in 2040`));
  assert.match(await text(o.page, '#sentence'), /Full compliance would leave it \$\d/);
  await settled(o.page);
  // The page writes back the same state: same keys and values.
  const got = Object.fromEntries(new URL(o.page.url()).searchParams);
  assert.deepEqual(got, Object.fromEntries(new URLSearchParams(query)));
  // And its table shows the model's numbers for that scenario.
  await o.page.locator('#table-panel summary').click();
  const lastRow = await o.page.locator('#data-table tbody tr').last().innerText();
  assert.match(lastRow, /^2040/);
  assert.equal(expected.years.at(-1), 2040);
  await o.done();
});

test('a preset switch adds a history entry and Back restores the previous state', async () => {
  const o = await page();
  const before = await text(o.page, '#headline');
  await o.page.locator('#preset').selectOption('fullCompliance');
  await o.page.waitForFunction(() => location.search.includes('preset=fullCompliance'));
  assert.notEqual(await text(o.page, '#headline'), before);
  await o.page.goBack();
  await o.page.waitForFunction(() => !location.search.includes('fullCompliance'));
  assert.equal(await o.page.locator('#preset').inputValue(), 'statusQuo');
  assert.equal(await text(o.page, '#headline'), before);
  // Reset also adds an entry.
  await o.page.locator('#p-visaClarification').fill('1');
  await o.page.locator('#reset').click();
  assert.equal(await o.page.locator('#p-visaClarification').inputValue(), '0');
  await o.done();
});

test('the CSV matches evaluate() for the same scenario', async () => {
  const o = await page('?visaClarification=0.5&compare=designationSurge');
  const scenario = { ...(await presetValues(o.page, 'statusQuo')), visaClarification: 0.5 };
  const expected = await evaluateIn(o.page, scenario);
  const [download] = await Promise.all([o.page.waitForEvent('download'), o.page.locator('[data-export=csv]').click()]);
  const csv = readFileSync(await download.path(), 'utf8').trim().split('\n').map((l) => l.split(','));
  const [head, ...rows] = csv;
  const col = (name) => rows.map((r) => Number(r[head.indexOf(name)]));
  assert.equal(rows.length, expected.years.length);
  assert.deepEqual(col('year'), expected.years);
  assert.deepEqual(col('revenue_usd'), expected.revenueUsd);
  assert.deepEqual(col('workers'), expected.workers);
  assert.deepEqual(col('comparator_revenue_usd'), expected.comparator.revenueUsd);
  assert.deepEqual(col('russia_disguised'), expected.hosts[1].disguised);
  assert.ok(head.includes('designationSurge_revenue_usd') && head.includes('revenue_usd_p95'));
  await o.done();
});

test('JSON, SVG and PNG exports', async () => {
  const o = await page();
  const grab = async (kind) => {
    const [d] = await Promise.all([o.page.waitForEvent('download'), o.page.locator(`[data-export=${kind}]`).click()]);
    return { name: d.suggestedFilename(), body: readFileSync(await d.path()) };
  };
  const json = JSON.parse((await grab('json')).body);
  assert.equal(json.model.modelVersion, MODEL_VERSION);
  assert.equal(json.scenario['permitBan.russia'], 0.95);
  assert.equal(json.projection.years.length, 14);
  assert.ok(json.uncertainty.revenueUsd.p95.length === 14 && json.sensitivity.bars.length === 20);
  const svg = (await grab('revenue-svg')).body.toString();
  assert.match(svg, /^<\?xml/);
  assert.match(svg, /<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  const png = await grab('workers-png');
  assert.match(png.name, /\.png$/);
  assert.deepEqual([...png.body.subarray(1, 4)], [0x50, 0x4e, 0x47]);
  assert.ok(png.body.length > 5000, `PNG of ${png.body.length} bytes`);
  await o.page.locator('#backtest-panel summary').click();
  await o.page.locator('#backtest-table tbody tr').nth(9).waitFor();
  const backtest = (await grab('backtest-csv')).body.toString();
  assert.match(backtest.split('\n')[0], /^id,series,year,at,observed/);
  await o.done();
});

test('a downloaded scenario file reopens that scenario; a bad file is named, not applied blindly', async () => {
  const query = `?preset=designationSurge&wage.russia=420&endYear=2035&compare=closeVisaLoophole&seed=5&v=${MODEL_VERSION}`;
  const a = await page(query);
  const [d] = await Promise.all([a.page.waitForEvent('download'), a.page.locator('[data-export=json]').click()]);
  const saved = readFileSync(await d.path());
  const headline = await text(a.page, '#headline');
  await a.done();
  const b = await page();
  const open = (name, body) => b.page.locator('#open-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
  await open('saved.json', saved);
  await b.page.waitForFunction(() => location.search.includes('designationSurge'));
  await settled(b.page);
  assert.deepEqual(Object.fromEntries(new URL(b.page.url()).searchParams), Object.fromEntries(new URLSearchParams(query)));
  assert.equal(await text(b.page, '#headline'), headline);
  assert.ok(await b.page.locator('#file-notices').isHidden());
  // A file with bad entries: each is named; omitted ids take their defaults, as in evaluate().
  await open('bad.json', JSON.stringify({ scenario: { 'wage.china': '450', 'repatriation.russia': 2, foo: 1, visaClarification: 1 } }));
  await b.page.waitForFunction(() => !location.search.includes('designationSurge'));
  const notice = await text(b.page, '#file-notices');
  assert.match(notice, /About bad\.json:/);
  assert.match(notice, /"wage\.china" in the file must be a number, got the text "450"\. Ignored\./);
  assert.match(notice, /"repatriation\.russia" = 2 is out of range: allowed 0 to 1\. Using 0\./);
  assert.match(notice, /Unknown parameter "foo" in the file/);
  assert.equal(await b.page.locator('#p-visaClarification').inputValue(), '1');
  assert.equal(await b.page.locator('#p-repatriation\\.russia').inputValue(), '0');
  assert.equal(await b.page.locator('#p-wage\\.china').inputValue(), '400');
  // Not JSON at all: said so, and nothing changes.
  const before = b.page.url();
  await open('notes.json', 'visaClarification=1');
  await b.page.locator('#file-notices').getByText(/The file is not JSON/).waitFor();
  assert.equal(b.page.url(), before);
  await b.done();
});

test('a bad URL value shows a notice naming it and uses its default', async () => {
  const o = await page('?repatriation.russia=1.5&wage.china=abc&foo=1&endYear=2070&compare=mars&v=0.9.0');
  const notice = await text(o.page, '#notices');
  assert.match(notice, /"repatriation\.russia" = 1\.5 is out of range: allowed 0 to 1\. Using 0\.3\./);
  assert.match(notice, /"wage\.china" = "abc" is not a number\. Using 400\./);
  assert.match(notice, /Unknown parameter "foo"/);
  assert.match(notice, /"endYear" = 2070 is out of range/);
  assert.match(notice, /"compare" = "mars"/);
  assert.match(notice, new RegExp(`made with model version 0\\.9\\.0; this is version ${MODEL_VERSION.replaceAll('.', '\\.')}, so its numbers may differ`));
  assert.equal(await o.page.locator('#p-repatriation\\.russia').inputValue(), '0.3', 'the status quo value');
  assert.equal(await o.page.locator('#p-wage\\.china').inputValue(), '400');
  assert.match(await text(o.page, '#headline'), /2030/);
  await o.done();
});

test('chart values on keyboard focus, goal seek applied with one click', async () => {
  const o = await page();
  await o.page.locator('#revenue-chart').focus();
  await o.page.keyboard.press('ArrowRight');
  const tip = o.page.locator('#revenue-figure .tip');
  assert.match(await tip.innerText(), /^2018[\s\S]*This scenario: \$3\d\dM/);
  await o.page.keyboard.press('End');
  assert.match(await tip.innerText(), /^2030/);
  // A marker reads its source on focus.
  await o.page.locator('#workers-chart .marker').first().focus();
  assert.match(await o.page.locator('#workers-figure .tip').innerText(), /Source:/);

  await o.page.locator('#goal-lever').selectOption('designationsPerYear');
  await o.page.locator('#goal-target').fill('36');
  await o.page.locator('#goal-form button').click();
  assert.match(await text(o.page, '#goal-answer'), /Employers designated per year: \d+ a year/);
  await o.page.locator('#goal-apply').click();
  const applied = Number(await o.page.locator('#p-designationsPerYear').inputValue());
  const scenario = { ...(await presetValues(o.page, 'statusQuo')), designationsPerYear: applied };
  assert.ok((await evaluateIn(o.page, scenario)).summary.deniedShare >= 0.36);
  await o.page.locator('#goal-target').fill('99');
  await o.page.locator('#goal-form button').click();
  assert.match(await text(o.page, '#goal-answer'), /Not reachable, even at the maximum/);
  await o.done();
});

test('axe-core finds no WCAG 2.1 A or AA violation on the page and the methodology', async () => {
  // An old link and a bad scenario file, so that both notice boxes are audited too.
  const o = await page('?compare=closeVisaLoophole&v=0.9.0');
  await o.page.locator('#open-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{ "foo": 1 }') });
  await o.page.locator('#file-notices').getByText('Unknown parameter "foo"').waitFor();
  assert.ok(await o.page.locator('#notices').isVisible());
  // Open every panel so that their content is audited too.
  for (const d of await o.page.locator('details').all()) await d.locator('summary').click();
  await settled(o.page);
  assert.deepEqual(await axe(o.page), []);
  await o.done();
  const m = await page('methodology.html');
  assert.deepEqual(await axe(m.page), []);
  await m.done();
});

test('phone widths: no horizontal scroll at 320 px; screenshots at 1280 and 360 px', async () => {
  for (const width of [320, 360, 1280]) {
    const o = await page('', { width, height: 900 });
    const overflow = await o.page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.equal(overflow, 0, `horizontal scroll at ${width}px`);
    if (width !== 320) await o.page.screenshot({ path: `${SHOTS}/page-${width}.png`, fullPage: true });
    // On phones a bar keeps the result in view while the levers are moved.
    const bar = o.page.locator('#summary-bar');
    assert.equal(await bar.isVisible(), width < 900);
    if (width < 900) {
      assert.match(await bar.innerText(), /^2030: \$325M · denied \$2\.35bn \(34%\)$/);
      assert.deepEqual(await axe(o.page), [], `axe at ${width}px`);
    }
    await o.done();
  }
  const m = await page('methodology.html', { width: 360, height: 900 });
  assert.equal(await m.page.evaluate(() => document.documentElement.scrollWidth - innerWidth), 0);
  await m.page.screenshot({ path: `${SHOTS}/methodology-360.png` });
  await m.done();
});

test('the page is locked down: CSP, no inline script or style, nothing from the URL in innerHTML', async () => {
  const html = readFileSync(`${ROOT}www/index.html`, 'utf8') + readFileSync(`${ROOT}www/methodology.html`, 'utf8');
  assert.equal((html.match(/default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:/g) ?? []).length, 2);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'inline script');
  assert.doesNotMatch(html, /<style|\sstyle=/, 'inline style');
  const { readdirSync } = await import('node:fs');
  for (const f of readdirSync(`${ROOT}www/js`)) {
    const js = readFileSync(`${ROOT}www/js/${f}`, 'utf8');
    assert.doesNotMatch(js, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/, f);
  }
  // A script injected through the URL stays text.
  const o = await page('?foo=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
  assert.match(await text(o.page, '#notices'), /Unknown parameter "foo"/);
  assert.equal(await o.page.locator('#notices img').count(), 0);
  await o.done();
});
