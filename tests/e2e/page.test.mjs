// The scenario page in headless Chromium, as a reader and an analyst would use it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { setup, open, axe, SHOTS, ROOT, MODEL_VERSION } from './browser.mjs';
import { usd, percent } from '../../www/js/format.js';

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
  // The methodology is a static page, with no script.
  if (!query.startsWith('methodology')) await o.page.waitForSelector('html[data-ready]');
  o.done = async () => {
    foreign.push(...o.foreign);
    assert.deepEqual(o.errors, [], 'console errors');
    await o.context.close();
  };
  return o;
}

/** A call into the page's own wasm module (main thread). */
function call(p, name, ...args) {
  return p.evaluate(async ([name, args]) => (await import('./pkg/dprk_labor.js'))[name](...args), [name, args]);
}
const presetValues = async (p, id) => (await call(p, 'presets')).find((x) => x.id === id).values;
const settled = (p) => p.waitForTimeout(400);
const text = (p, sel) => p.locator(sel).innerText();
const query = (p) => Object.fromEntries(new URL(p.url()).searchParams);
/** Revenue from `from` to the end, all hosts or one. */
function windowRevenue(projection, from, host = null) {
  const series = host ? projection.hosts.find((x) => x.id === host).revenueUsd : projection.revenueUsd;
  return series.slice(projection.years.indexOf(from)).reduce((a, b) => a + b, 0);
}
/** Submits the goal form and waits for its answer (the goal module loads on first use). */
async function askGoal(p) {
  await p.evaluate(() => { document.getElementById('goal-answer').textContent = ''; });
  await p.locator('#goal-form button[type=submit]').click();
  await p.waitForFunction(() => document.getElementById('goal-answer').textContent !== '');
}
/** The band of the revenue chart drawn on the page, as its path data. */
const bandPath = (p) => p.locator('#revenue-chart path[fill-opacity]').first().getAttribute('d');

test('opens on the record, policies from 2027, with the record marked on the charts', async () => {
  const o = await page();
  const golden = JSON.parse(readFileSync(`${ROOT}tests/golden/record.json`, 'utf8'));
  const record = await presetValues(o.page, 'record');
  assert.deepEqual(await call(o.page, 'evaluate', record), golden, 'Chromium gives the native golden numbers to the bit');
  assert.equal(await o.page.locator('#preset').inputValue(), 'record');
  assert.equal(await o.page.locator('#policy-year').inputValue(), '2027');
  assert.equal(await o.page.locator('#compare').inputValue(), 'record');
  const head = await text(o.page, '#headline');
  assert.match(head, /Revenue to the state, 2027–2030/);
  assert.ok(head.includes(usd(windowRevenue(golden, 2027))), head);
  assert.match(head, /Workers abroad in 2030/, 'cards name fixed years');
  // The divider after the record's last year, and its labels.
  for (const id of ['revenue-chart', 'workers-chart']) {
    const labels = await o.page.locator(`#${id} text`).allTextContents();
    assert.ok(labels.includes('record (reconstructed)') && labels.includes('projection'), id);
  }
  assert.match(await text(o.page, '#revenue-legend'), /The record, to 2026/);
  // The band arrives from the worker; markers from the record.
  await o.page.waitForFunction(() => document.querySelectorAll('#revenue-chart path[fill-opacity]').length === 2);
  assert.ok(await o.page.locator('#workers-chart .marker').count() >= 10);
  // The data table marks the record's years.
  await o.page.locator('#table-panel summary').click();
  assert.match(await o.page.locator('#data-table tbody tr').nth(9).innerText(), /^2026 \(record\)/);
  assert.match(await o.page.locator('#data-table tbody tr').nth(10).innerText(), /^2027\t/);
  await o.done();
});

test('the policy year: a slider sets its lever from that year on, and the figures count from it', async () => {
  const o = await page();
  await o.page.locator('#policy-year').selectOption('2020');
  const slider = o.page.locator('#p-visaClarification');
  await slider.focus();
  for (let i = 0; i < 10; i++) await o.page.keyboard.press('ArrowRight');
  assert.equal(await slider.inputValue(), '0.1');
  assert.equal(await slider.getAttribute('aria-valuetext'), '10% from 2020');
  await settled(o.page);
  assert.equal(query(o.page).visaClarification, '2017:0,2020:0.1');
  assert.equal(query(o.page).policyYear, '2020');
  assert.match(await text(o.page, '[data-id=visaClarification] .by-year'), /0% in 2017, 10% from 2020/);
  const scenario = { ...(await presetValues(o.page, 'record')), visaClarification: [[2017, 0], [2020, 0.1]] };
  const p = await call(o.page, 'evaluate', scenario);
  const r = await call(o.page, 'evaluate', await presetValues(o.page, 'record'));
  const head = await text(o.page, '#headline');
  assert.match(head, /Revenue to the state, 2020–2030/);
  assert.ok(head.includes(usd(windowRevenue(p, 2020))), head);
  assert.ok(head.includes(usd(windowRevenue(r, 2020) - windowRevenue(p, 2020))), 'denied against the record');
  // Years before the policy year are the record's: same revenue in 2019.
  assert.equal(p.revenueUsd[2], r.revenueUsd[2]);
  // A policy line on the charts, where the policy year is not the divider.
  assert.ok((await o.page.locator('#revenue-chart text').allTextContents()).includes('policies from 2020'));
  await o.done();
});

test('a schedule in the URL round-trips exactly, with a host in focus', async () => {
  const q = `?preset=closeVisaLoophole&repatriation.russia=2018:0.3,2020:0,2028:0.25&wage.china=450&endYear=2040&compare=noEnforcement&host=russia&policyYear=2025&band=0&v=${MODEL_VERSION}`;
  const o = await page(q);
  assert.ok(await o.page.locator('#notices').isHidden(), 'a current link raises no notice');
  assert.equal(await o.page.locator('#p-repatriation\\.russia').inputValue(), '0', 'the value in the policy year');
  assert.equal(await o.page.locator('#host').inputValue(), 'russia');
  await settled(o.page);
  assert.deepEqual(query(o.page), Object.fromEntries(new URLSearchParams(q)), 'the page writes back the same state');
  const scenario = { ...(await presetValues(o.page, 'closeVisaLoophole')), 'repatriation.russia': [[2018, 0.3], [2020, 0], [2028, 0.25]], 'wage.china': 450, endYear: 2040 };
  const p = await call(o.page, 'evaluate', scenario);
  const head = await text(o.page, '#headline');
  assert.match(head, /Revenue to the state in Russia, 2025–2040/);
  assert.ok(head.includes(usd(windowRevenue(p, 2025, 'russia'))), head);
  assert.match(await text(o.page, '#sentence'), /from its workers in Russia/);
  assert.match(await o.page.locator('#revenue-chart title').first().textContent(), /in Russia/);
  await o.done();
});

test('a model 1 link opens with model 1\'s meaning and numbers; the address moves to this version', async () => {
  const o = await page('?preset=closeVisaLoophole&v=1.1.0');
  const golden = JSON.parse(readFileSync(`${ROOT}tests/golden/model1/closeVisaLoophole.json`, 'utf8'));
  assert.match(await text(o.page, '#notices'), /made with model "1\.1\.0"\. It opens with that model's meaning/);
  const head = await text(o.page, '#headline');
  assert.match(head, /Revenue to the state, 2017–2030/);
  assert.ok(head.includes(usd(golden.summary.cumulativeRevenueUsd)) && head.includes(usd(golden.summary.cumulativeDeniedUsd)), head);
  assert.match(head, /No enforcement:/, 'model 1 compared with no enforcement');
  await settled(o.page);
  const rewritten = query(o.page);
  assert.equal(rewritten.v, MODEL_VERSION);
  assert.equal(await o.page.locator('#share-link').inputValue(), o.page.url());
  // The rewritten address gives the same numbers with no notice.
  const again = await page(new URL(o.page.url()).search);
  assert.ok(await again.page.locator('#notices').isHidden());
  assert.equal(await text(again.page, '#headline'), head);
  await again.done();
  await o.done();
});

test('keys named like Object.prototype members are unknown parameters, not a blank page', async () => {
  const o = await page('?constructor=1&toString=0x1&__proto__=1&hasOwnProperty=2&valueOf=&visaClarification=1');
  const notice = await text(o.page, '#notices');
  assert.match(notice, /5 unknown parameters in the link were ignored: "constructor", "toString", "__proto__" and 2 more/);
  assert.equal(await o.page.locator('#p-visaClarification').inputValue(), '1');
  assert.match(await text(o.page, '#headline'), /\$/);
  await o.done();
});

test('a preset switch adds a history entry, sets its policy year; Back and Reset restore', async () => {
  const o = await page();
  const before = await text(o.page, '#headline');
  await o.page.locator('#preset').selectOption('loopholeClosed2020');
  await o.page.waitForFunction(() => location.search.includes('preset=loopholeClosed2020'));
  assert.equal(await o.page.locator('#policy-year').inputValue(), '2020');
  assert.notEqual(await text(o.page, '#headline'), before);
  await o.page.goBack();
  await o.page.waitForFunction(() => !location.search.includes('loopholeClosed2020'));
  assert.equal(await o.page.locator('#preset').inputValue(), 'record');
  assert.equal(await text(o.page, '#headline'), before);
  await o.page.locator('#p-visaClarification').fill('1');
  await o.page.locator('#reset').click();
  assert.equal(await o.page.locator('#p-visaClarification').inputValue(), '0');
  assert.equal(await o.page.locator('#preset').inputValue(), 'record');
  await o.done();
});

test('host focus follows into cards, chart, bands, tornado and the CSV, with its metadata', async () => {
  const o = await page('?visaClarification=2017:0,2027:0.5&compare=designationSurge&policyYear=2027');
  await o.page.locator('#host').selectOption('russia');
  await settled(o.page);
  assert.match(await text(o.page, '[data-figure=workers] .figure-label'), /Workers in Russia in 2030/);
  assert.match(await text(o.page, '#tornado-window'), /in Russia, 2027–2030/);
  const scenario = { ...(await presetValues(o.page, 'record')), visaClarification: [[2017, 0], [2027, 0.5]] };
  const p = await call(o.page, 'evaluate', scenario);
  const u = await call(o.page, 'uncertainty', scenario, { draws: 2000, seed: 1 });
  const [download] = await Promise.all([o.page.waitForEvent('download'), o.page.locator('[data-export=csv]').click()]);
  const lines = readFileSync(await download.path(), 'utf8').trim().split('\n');
  const meta = lines.filter((l) => l.startsWith('# '));
  assert.match(meta[0], new RegExp(`^# dprk-labor model ${MODEL_VERSION.replaceAll('.', '\\.')} \\(crate `));
  assert.ok(meta[1].includes(`link: ${o.page.url()}`), meta[1]);
  assert.match(meta[2], /^# exported: \d{4}-\d\d-\d\dT/);
  assert.match(meta[3], /workers in Russia; policies from 2027; compared with Designation surge/);
  const [head, ...rows] = lines.filter((l) => !l.startsWith('#')).map((l) => l.split(','));
  const col = (name) => rows.map((r) => Number(r[head.indexOf(name)]));
  const russia = p.hosts.find((x) => x.id === 'russia');
  assert.deepEqual(col('year'), p.years);
  assert.deepEqual(col('revenue_usd'), russia.revenueUsd);
  assert.deepEqual(col('arrivals'), russia.arrivals);
  assert.deepEqual(col('china_workers'), p.hosts[0].workers);
  assert.deepEqual(col('revenue_usd_p95'), u.hosts.find((x) => x.id === 'russia').revenueUsd.p95, 'the band of the host in focus, from the worker');
  assert.deepEqual(col('record'), p.years.map((y) => (y <= 2026 ? 1 : 0)));
  await o.done();
});

test('"How this is made": the explanation\'s arithmetic equals the headline', async () => {
  const o = await page('?host=russia');
  const card = o.page.locator('[data-figure=revenue]');
  await card.locator('summary').click();
  const table = card.locator('.explain-body table').first();
  await table.waitFor();
  const cells = await table.locator('tbody tr').first().locator('td').allTextContents();
  assert.equal(cells[2], await text(o.page, '[data-figure=revenue] .figure-value'));
  // Worker-years times revenue per worker-year is the revenue, from the model's own numbers.
  const p = await call(o.page, 'evaluate', await presetValues(o.page, 'record'));
  const russia = p.hosts.find((x) => x.id === 'russia');
  const i = p.years.indexOf(2027);
  // A worker-year is the average of the stocks at the start and end of a year; each year's
  // revenue is its worker-years times that year's revenue per worker.
  const workerYears = russia.workers.slice(i, -1).map((w, k) => (w + russia.workers[i + k + 1]) / 2);
  workerYears.forEach((w, k) => assert.ok(Math.abs(w * russia.perWorkerUsd[i + k] - russia.revenueUsd[i + k]) < 1e-6 * russia.revenueUsd[i + k]));
  // The table's revenue per worker-year is the window's average: revenue over worker-years.
  const revenue = russia.revenueUsd.slice(i).reduce((a, b) => a + b, 0);
  const windowWorkerYears = russia.revenueUsd.slice(i).reduce((a, r, k) => a + r / russia.perWorkerUsd[i + k], 0);
  assert.equal(cells[1], usd(revenue / windowWorkerYears));
  assert.match(await text(o.page, '[data-figure=revenue] .explain-body'), /Russia in 2030: \$1,000 a month × 11 months a year × 75% to the state × calibration scale ×1\.303 = \$10,753 per worker-year/);
  assert.match(await text(o.page, '[data-figure=revenue] .explain-body'), /The assumptions that move this figure most/);
  // Keyboard: the disclosure opens and closes from its summary.
  const denied = o.page.locator('[data-figure=denied] summary');
  await denied.focus();
  await o.page.keyboard.press('Enter');
  assert.ok(await o.page.locator('[data-figure=denied] details').evaluate((d) => d.open));
  await o.page.locator('[data-figure=denied] .explain-body p').first().waitFor();
  assert.match(await text(o.page, '[data-figure=denied] .explain-body'), /Every lever is as under the record/);
  await o.done();
});

test('goal seek by host and window: cutting Russia\'s revenue in half from 2027', async () => {
  const o = await page();
  await o.page.locator('#goal-host').selectOption('russia');
  await o.page.locator('#goal-target').fill('50');
  // The clarification and repatriation alone cannot reach Russia's workers on student visas:
  // the answer names what binds.
  await o.page.locator('#goal-all').uncheck();
  for (const id of ['repatriation.russia', 'visaClarification']) await o.page.locator(`input[name=goal-lever][value="${id}"]`).check();
  await askGoal(o.page);
  const refused = await text(o.page, '#goal-answer');
  assert.match(refused, /^Not reachable: with Russia sends workers home, No work on any visa type at their maximum from 2027, revenue from Russia falls by at most 0\.\d% over 2027–2030/);
  assert.match(refused, /what binds: Russia treats non-work visas as work at 0/);
  assert.equal(refused.match(/Not reachable/g).length, 1, 'said once');
  assert.ok(await o.page.locator('#goal-apply').isHidden());
  // Every lever that acts on Russia (the default) can.
  await o.page.locator('#goal-all').check();
  await askGoal(o.page);
  assert.match(await text(o.page, '#goal-answer'), /^To cut revenue from Russia 2027–2030 by 50% against the record's policies, under your assumptions: Russia refuses new work permits at \d+(\.\d)?%, .*Russia treats non-work visas as work at \d+(\.\d)?%/);
  await o.page.locator('#goal-apply').click();
  await settled(o.page);
  const q = query(o.page);
  assert.match(q['visaEnforcement.russia'], /^2017:0,2027:0\.\d+$/);
  const steps = (t) => t.split(',').map((x) => x.split(':').map(Number));
  const base = await presetValues(o.page, 'record');
  const scenario = { ...base };
  for (const [id, value] of Object.entries(q)) if (base[id] !== undefined && value.includes(':')) scenario[id] = steps(value);
  const cut = 1 - windowRevenue(await call(o.page, 'evaluate', scenario), 2027, 'russia') / windowRevenue(await call(o.page, 'evaluate', base), 2027, 'russia');
  assert.ok(cut >= 0.5, `applied values cut ${cut}`);
  // A dollar target: Russia's revenue in 2030 at most $100M.
  await o.page.locator('#reset').click();
  await settled(o.page);
  await o.page.locator('#goal-kind').selectOption('usd');
  await o.page.locator('#goal-target').fill('100');
  await askGoal(o.page);
  assert.match(await text(o.page, '#goal-answer'), /^To bring revenue from Russia in 2030 to at most \$100M: .* That brings it to \$\d+(\.\d)?M in 2030\./);
  await o.done();
});

test('"Cite this scenario": APA, Chicago and BibTeX with the version, the date and the permalink', async () => {
  const o = await page('?preset=closeVisaLoophole&host=russia');
  await o.page.locator('#cite-panel summary').click();
  // The citation module loads when the panel first opens.
  await o.page.waitForFunction(() => document.getElementById('cite-text').value !== '');
  const today = new Date().toISOString().slice(0, 10);
  const apa = await o.page.locator('#cite-text').inputValue();
  assert.ok(apa.startsWith('dprk-labor contributors. (2026). North Korea\'s overseas labor revenue under sanctions enforcement [Computer software; model version'), apa);
  const permalink = await o.page.locator('#share-link').inputValue();
  assert.ok(permalink.includes(`v=${MODEL_VERSION}`) && apa.endsWith(permalink), 'ends with the permalink');
  assert.match(apa, /scenario: Close the visa loophole from 2027; Russia; policies from 2027/);
  await o.page.locator('#cite-style').selectOption('bibtex');
  await o.page.waitForFunction(() => document.getElementById('cite-text').value.startsWith('@software'));
  const bib = await o.page.locator('#cite-text').inputValue();
  assert.match(bib, new RegExp(`^@software\\{dprk_labor_${MODEL_VERSION.replaceAll('.', '_')},`));
  assert.ok(bib.includes(`urldate = {${today}}`) && bib.includes(`url = {${permalink}}`));
  await o.page.locator('#cite-style').selectOption('chicago');
  await o.page.waitForFunction(() => /Accessed/.test(document.getElementById('cite-text').value));
  assert.match(await o.page.locator('#cite-text').inputValue(), /Accessed [A-Z][a-z]+ \d+, \d{4}\./);
  await o.done();
});

test('the band from the worker equals the main thread\'s; only the newest input is drawn', async () => {
  const o = await page();
  const slider = o.page.locator('#p-permitBan\\.russia');
  await slider.focus();
  // Twenty quick moves: answers to stale inputs are dropped, the last input is computed.
  for (let i = 0; i < 20; i++) await o.page.keyboard.press('ArrowLeft');
  await settled(o.page);
  await o.page.waitForTimeout(300);
  const [d] = await Promise.all([o.page.waitForEvent('download'), o.page.locator('[data-export=json]').click()]);
  const json = JSON.parse(readFileSync(await d.path(), 'utf8'));
  assert.deepEqual(json.scenario['permitBan.russia'].at(-1), [2027, 0.8]);
  const here = await call(o.page, 'uncertainty', json.scenario, { draws: 2000, seed: 1 });
  assert.deepEqual(json.uncertainty, here);
  // The drawn band is the one of the final state: drawing it again from these numbers gives the same path.
  const drawn = await bandPath(o.page);
  assert.ok(drawn.startsWith('M'));
  assert.equal(await o.page.evaluate(async () => (await import('./js/analysis.js')).inWorker()), true, 'analyses ran in the worker');
  await o.done();
});

test('where no worker can start, the analyses run in the page and draw the same band', async () => {
  const normal = await page();
  await normal.page.waitForFunction(() => document.querySelectorAll('#revenue-chart path[fill-opacity]').length === 2);
  const expected = await bandPath(normal.page);
  await normal.done();
  // A page whose policy or browser forbids workers: the constructor throws.
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => { window.Worker = function Worker() { throw new DOMException('workers are not allowed here', 'SecurityError'); }; });
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(env.server.url);
  await p.waitForSelector('html[data-ready]');
  await p.waitForFunction(() => document.querySelectorAll('#revenue-chart path[fill-opacity]').length === 2);
  assert.equal(await bandPath(p), expected);
  assert.equal(await p.evaluate(async () => (await import('./js/analysis.js')).inWorker()), false);
  assert.match(await p.locator('#tornado-window').innerText(), /2027–2030/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('exports: JSON carries schedules and reopens as a file; SVG and PNG; the back-test', async () => {
  const q = `?preset=designationSurge&wage.russia=420&loopholeShare.russia=2017:0,2025:0.4&endYear=2035&compare=closeVisaLoophole&seed=5&v=${MODEL_VERSION}`;
  const a = await page(q);
  const grab = async (p, kind) => {
    const [d] = await Promise.all([p.waitForEvent('download'), p.locator(`[data-export=${kind}]`).click()]);
    return { name: d.suggestedFilename(), body: readFileSync(await d.path()) };
  };
  const saved = (await grab(a.page, 'json')).body;
  const json = JSON.parse(saved);
  assert.equal(json.model.modelVersion, MODEL_VERSION);
  assert.deepEqual(json.scenario['loopholeShare.russia'], [[2017, 0], [2025, 0.4]]);
  assert.equal(json.projection.years.length, 19);
  const svg = (await grab(a.page, 'revenue-svg')).body.toString();
  assert.match(svg, /^<\?xml/);
  assert.match(svg, /<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  const png = await grab(a.page, 'workers-png');
  assert.deepEqual([...png.body.subarray(1, 4)], [0x50, 0x4e, 0x47]);
  await a.page.locator('#backtest-panel summary').click();
  await a.page.locator('#backtest-table tbody tr').nth(20).waitFor();
  const backtest = (await grab(a.page, 'backtest-csv')).body.toString().split('\n');
  assert.match(backtest[0], /^# dprk-labor model/);
  assert.ok(backtest.includes('id,series,measurement,from,to,observed,low,high,modelled,gap,in_range,band_p5,band_p95,in_band,derived,source,counted,note'));
  const headline = await text(a.page, '#headline');
  await a.done();
  const b = await page();
  await b.page.locator('#open-file').setInputFiles({ name: 'saved.json', mimeType: 'application/json', buffer: saved });
  await b.page.waitForFunction(() => location.search.includes('designationSurge'));
  await settled(b.page);
  assert.deepEqual(query(b.page), Object.fromEntries(new URLSearchParams(q)));
  assert.equal(await text(b.page, '#headline'), headline);
  assert.ok(await b.page.locator('#file-notices').isHidden());
  await b.done();
});

test('hostile scenario files: named, counted or refused, and the page stays responsive', async () => {
  const o = await page();
  const openFile = (name, body) => o.page.locator('#open-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
  const notice = () => text(o.page, '#file-notices');
  await openFile('bad.json', JSON.stringify({ scenario: { 'wage.china': '450', 'repatriation.russia': 2, foo: 1, visaClarification: 1, 'permitBan.china': [[2018, 0.5], [2018, 1]] } }));
  await o.page.waitForFunction(() => location.search.includes('visaClarification=1'));
  assert.match(await notice(), /"wage\.china" in the file must be a number or a list of \[year, value\] pairs, got the text "450"\. Ignored\./);
  assert.match(await notice(), /"repatriation\.russia" = 2 is out of range: allowed 0 to 1\. Using "0"\./);
  assert.match(await notice(), /"permitBan\.china".*2018/);
  assert.match(await notice(), /Unknown parameter "foo" in the file/);
  await openFile('proto.json', '{"constructor": 1, "__proto__": {"x": 1}, "toString": 2}');
  await o.page.locator('#file-notices').getByText(/3 unknown parameters in the file were ignored/).waitFor();
  // Many unknown keys are counted, not listed one by one.
  const many = `{${Array.from({ length: 80000 }, (_, i) => `"k${i}":1`).join(',')}}`;
  await openFile('many.json', many);
  await o.page.locator('#file-notices').getByText(/80000 unknown parameters in the file were ignored: "k0", "k1", "k2" and 79997 more\./).waitFor();
  // Deep nesting under view.draws: a notice, no stack overflow.
  await openFile('deep.json', `{"view": {"draws": ${'['.repeat(10000)}${']'.repeat(10000)}}}`);
  await o.page.locator('#file-notices').getByText(/"draws" in the file's view must be a number or a word, got a list/).waitFor();
  // Above the size limit: refused before it is read.
  await openFile('big.json', Buffer.alloc(1_100_000, 32));
  await o.page.locator('#file-notices').getByText(/"big\.json": The file has 1,100,000 bytes; scenario files may have at most 1,000,000\. Nothing was changed\./).waitFor();
  // One byte over: the sizes are exact.
  await openFile('just.json', Buffer.alloc(1_000_001, 32));
  await o.page.locator('#file-notices').getByText(/The file has 1,000,001 bytes; scenario files may have at most 1,000,000\./).waitFor();
  // A file that names a preset opens that preset.
  await openFile('preset.json', '{"preset": "closeVisaLoophole"}');
  await o.page.waitForFunction(() => document.getElementById('preset').value === 'closeVisaLoophole');
  await openFile('notes.json', 'visaClarification=1');
  await o.page.locator('#file-notices').getByText(/The file is not JSON/).waitFor();
  assert.match(await text(o.page, '#headline'), /\$/);
  await o.done();
});

test('a bad URL value shows a notice naming it and keeps its starting value', async () => {
  const o = await page('?repatriation.russia=1.5&wage.china=abc&foo=1&endYear=2070&compare=mars&visaClarification=2020:0.5,2019:1&v=0.9.0');
  const notice = await text(o.page, '#notices');
  assert.match(notice, /"repatriation\.russia" = 1\.5 is out of range: allowed 0 to 1\. Using "2017:0,2018:0\.46367,2019:0\.9,2020:0"\./);
  assert.match(notice, /"wage\.china" "abc" is not a number\. Using "2021:450,2024:350,2025:330"\./);
  assert.match(notice, /"visaClarification".*2019/);
  assert.match(notice, /Unknown parameter "foo"/);
  assert.match(notice, /"endYear" = 2070 is out of range/);
  assert.match(notice, /"compare" = "mars"/);
  assert.match(notice, new RegExp(`made with model version "0\\.9\\.0"; this is version ${MODEL_VERSION.replaceAll('.', '\\.')}, so its numbers may differ`));
  // The slider shows the starting value in the policy year: the record's wage of 2027.
  assert.equal(await o.page.locator('#p-wage\\.china').inputValue(), '330');
  await o.done();
});

test('chart values on keyboard focus; markers read their source', async () => {
  const o = await page();
  await o.page.locator('#revenue-chart').focus();
  await o.page.keyboard.press('ArrowRight');
  const tip = o.page.locator('#revenue-figure .tip');
  assert.match(await tip.innerText(), /^2018 \(record\)[\s\S]*This scenario: \$\d+(\.\d)?M/);
  await o.page.keyboard.press('End');
  assert.match(await tip.innerText(), /^2030\n/);
  await o.page.locator('#workers-chart .marker').first().focus();
  assert.match(await o.page.locator('#workers-figure .tip').innerText(), /Source:/);
  await o.done();
});

test('axe-core finds no WCAG 2.1 A or AA violation on the page and the methodology', async () => {
  const o = await page('?compare=closeVisaLoophole&v=0.9.0');
  await o.page.locator('#open-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{ "foo": 1 }') });
  await o.page.locator('#file-notices').getByText('Unknown parameter "foo"').waitFor();
  for (const d of await o.page.locator('details').all()) if (!(await d.evaluate((x) => x.open))) await d.locator('summary').first().click();
  await o.page.locator('#goal-form button[type=submit]').click();
  await settled(o.page);
  assert.deepEqual(await axe(o.page), []);
  await o.done();
  const m = await page('methodology.html');
  assert.deepEqual(await axe(m.page), []);
  await m.done();
});

test('every link from the page into the methodology finds its anchor', async () => {
  const o = await page();
  const targets = await o.page.$$eval('a[href^="methodology.html#"]', (as) => [...new Set(as.map((a) => a.getAttribute('href').split('#')[1]))]);
  const html = readFileSync(`${ROOT}www/methodology.html`, 'utf8');
  for (const id of targets) assert.ok(html.includes(`id="${id}"`), id);
  assert.ok(targets.length >= 30);
  await o.done();
});

test('phone widths: no horizontal scroll; a bar keeps the result in view; screenshots', async () => {
  for (const width of [320, 360, 1280]) {
    const o = await page('', { width, height: 900 });
    assert.equal(await o.page.evaluate(() => document.documentElement.scrollWidth - innerWidth), 0, `horizontal scroll at ${width}px`);
    if (width !== 320) await o.page.screenshot({ path: `${SHOTS}/page-${width}.png`, fullPage: true });
    const bar = o.page.locator('#summary-bar');
    assert.equal(await bar.isVisible(), width < 900);
    if (width < 900) {
      const p = await call(o.page, 'evaluate', await presetValues(o.page, 'record'));
      assert.equal(await bar.innerText(), `2027–2030: ${usd(windowRevenue(p, 2027))} · denied $0 (${percent(0)})`);
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
  const index = readFileSync(`${ROOT}www/index.html`, 'utf8');
  const methodology = readFileSync(`${ROOT}www/methodology.html`, 'utf8');
  assert.match(index, /default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:/);
  assert.match(methodology, /default-src 'self'; script-src 'none'; style-src 'self'/);
  for (const html of [index, methodology]) {
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'inline script');
    assert.doesNotMatch(html, /<style|\sstyle=/, 'inline style');
  }
  for (const f of readdirSync(`${ROOT}www/js`)) {
    const js = readFileSync(`${ROOT}www/js/${f}`, 'utf8');
    assert.doesNotMatch(js, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/, f);
  }
  const o = await page('?foo=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
  assert.match(await text(o.page, '#notices'), /Unknown parameter "foo"/);
  assert.equal(await o.page.locator('#notices img').count(), 0);
  await o.done();
});

test('a lever that cannot act says what blocks it: four cases, computed by the model', async () => {
  const effect = (p, id) => p.locator(`.control[data-id="${id}"] .effect`).innerText();
  const ready = (p, id) => p.waitForFunction((i) => !document.querySelector(`.control[data-id="${i}"] .effect`).hidden, id);
  const o = await page('?host=russia');
  for (const id of ['repatriation.russia', 'visaClarification', 'designationsPerYear']) await ready(o.page, id);
  // Russia's workers are on student visas: repatriation reaches them only through Russia's
  // own visa enforcement; the international clarification only as far as Russia adopts it;
  // designations only where Russia acts on them.
  assert.match(await effect(o.page, 'repatriation.russia'), /cuts revenue from Russia 2027–2030 by 0(\.\d)?%: "Russia treats non-work visas as work" at 0% closes its channel\. With it at 100% as well, this lever would cut \d+(\.\d)?%\./);
  assert.match(await effect(o.page, 'visaClarification'), /by 0(\.\d)?%: "Russia applies the visa clarification" at 0% closes its channel/);
  assert.match(await effect(o.page, 'designationsPerYear'), /by 0(\.\d)?%: "Russia acts on designations" at 0% closes its channel/);
  assert.ok(await o.page.locator('.control[data-id="repatriation.russia"] .effect.blocked').count());
  // A lever that acts says by how much, and nothing blocks it.
  assert.match(await effect(o.page, 'visaEnforcement.russia'), /^At its maximum from 2027, this lever cuts revenue from Russia 2027–2030 by \d\d(\.\d)?%\.$/);
  await o.done();
  // While North Korea's border is closed nobody can be sent home.
  const closed = await page('?host=other&policyYear=2020&endYear=2022');
  await ready(closed.page, 'repatriation.other');
  assert.match(await effect(closed.page, 'repatriation.other'), /from other hosts 2020–2022 by 0(\.\d)?%: "North Korea's border open" at 0% closes its channel\. With it at 100% as well/);
  await closed.done();
});

test('after a trap the page goes on: a fresh instance takes the next slider move', async () => {
  const o = await page();
  const message = await o.page.evaluate(async () => {
    const { load } = await import('/js/api.js');
    const api = await load();
    await api.spareReady();
    try {
      api.trapForTests();
      return 'no trap';
    } catch (e) {
      return e.message;
    }
  });
  assert.match(message, /A fresh instance takes the next call/);
  const before = await text(o.page, '[data-figure=revenue] .figure-value');
  await o.page.locator('#p-visaClarification').fill('1');
  await settled(o.page);
  assert.notEqual(await text(o.page, '[data-figure=revenue] .figure-value'), before);
  const restarts = await o.page.evaluate(async () => (await (await import('/js/api.js')).load()).restarts);
  assert.equal(restarts, 1);
  await o.done();
});
