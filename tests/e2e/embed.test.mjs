// Embedding: an article with two calculators, inline values, a sandboxed iframe, and the
// single-file build served with the wrong MIME type for .wasm, all under a strict CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { setup, open, axe, SHOTS, ROOT, MODEL_VERSION } from './browser.mjs';
import { serve } from '../../scripts/serve.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

async function article(size = { width: 800, height: 900 }) {
  const o = await open(env.browser, `${env.server.url}examples/article.html`, size);
  await o.page.waitForFunction(() => [...document.querySelectorAll('dprk-labor-value')].every((v) => v.textContent !== '…'));
  await o.page.waitForFunction(() => document.getElementById('calc-a').projection && document.getElementById('calc-b').projection);
  return o;
}
const value = (p, id) => p.locator(`#${id}`).innerText();

test('an article with two calculators: independent states, inline values that follow them', async () => {
  const o = await article();
  const expected = await o.page.evaluate(async () => {
    const m = await import('/pkg/dprk_labor.js');
    const values = (id) => m.presets().find((p) => p.id === id).values;
    return { closed: m.evaluate(values('closeVisaLoophole')).summary.cumulativeDeniedUsd, sq: m.evaluate(values('statusQuo')).summary.cumulativeDeniedUsd };
  });
  assert.equal(await value(o.page, 'value-static'), `$${(expected.closed / 1e9).toFixed(2)}bn`);
  assert.equal(await value(o.page, 'value-status-quo'), `$${(expected.sq / 1e9).toFixed(2)}bn`);
  const [a0, share0, b0] = [await value(o.page, 'value-follow-a'), await value(o.page, 'value-follow-a-share'), await value(o.page, 'value-follow-b')];
  const bScenario = await o.page.evaluate(() => document.getElementById('calc-b').scenario);
  // Move a lever of the first calculator with the keyboard (locators pierce the shadow root).
  const slider = o.page.locator('#calc-a input[type=range]').first();
  await slider.focus();
  for (let i = 0; i < 10; i++) await o.page.keyboard.press('ArrowLeft');
  assert.notEqual(await value(o.page, 'value-follow-a'), a0, 'the sentence follows its calculator');
  assert.notEqual(await value(o.page, 'value-follow-a-share'), share0);
  assert.equal(await value(o.page, 'value-follow-b'), b0, 'the other calculator is untouched');
  assert.deepEqual(await o.page.evaluate(() => document.getElementById('calc-b').scenario), bScenario);
  // The followed figure is the calculator's own projection, formatted.
  const final = await o.page.evaluate(() => document.getElementById('calc-a').projection.revenueUsd.at(-1));
  assert.equal(await value(o.page, 'value-follow-a'), `$${(final / 1e6).toFixed(1)}M`);
  // Links lead to the calculator's own site, not next to the article.
  const why = await o.page.locator('#calc-b .calibration a').getAttribute('href');
  assert.equal(why, `${env.server.url}methodology.html#the-calibration-gap`);
  // Only the levers asked for are shown.
  assert.equal(await o.page.locator('#calc-a input[type=range]').count(), 3);
  assert.equal(await o.page.locator('#calc-b input[type=range]').count(), 8);
  assert.deepEqual(o.errors, []);
  assert.deepEqual(o.foreign, []);
  await o.context.close();
});

test('bad attributes render a visible, readable fallback, not an exception', async () => {
  const o = await article();
  assert.equal(await value(o.page, 'value-bad'), '[figure unavailable: unknown metric "summary.noSuchThing"]');
  assert.equal(await value(o.page, 'value-bad-for'), '[figure unavailable: no calculator with id "no-such-calculator"]');
  // More mistakes, added at run time: a bad format, a bad year, a bad scenario value, no metric.
  const texts = await o.page.evaluate(async () => {
    const make = (attrs) => {
      const v = document.createElement('dprk-labor-value');
      for (const [k, x] of Object.entries(attrs)) v.setAttribute(k, x);
      document.querySelector('article').append(v);
      return v;
    };
    const vs = [
      make({ metric: 'revenueUsd@2030', format: 'roman' }),
      make({ metric: 'revenueUsd@1999' }),
      make({ metric: 'revenueUsd', preset: 'statusQuo' }),
      make({ metric: 'revenueUsd@2030', scenario: 'repatriation.russia=7' }),
      make({}),
      make({ metric: 'workers@2030', scenario: 'preset=noEnforcement&<img src=x onerror=alert(1)>=1' }),
      make({ metric: 'workers@2030', scenario: 'preset=noEnforcement&v=0.9.0' }),
    ];
    await new Promise((r) => setTimeout(r, 300));
    return vs.map((v) => v.textContent).concat(vs.at(-1).title, vs.at(-1).hasAttribute('data-error'));
  });
  assert.match(texts[0], /unknown format "roman"; allowed: usd, usd-millions/);
  assert.match(texts[1], /year "1999" is outside 2017–2030/);
  assert.match(texts[2], /yearly series: add @YEAR/);
  assert.match(texts[3], /"repatriation.russia" = 7 is out of range: allowed 0 to 1/);
  assert.match(texts[4], /no metric given/);
  assert.match(texts[5], /Unknown parameter "<img src" in the figure's attributes/);
  // A figure written with an older model version keeps its number and says so.
  assert.deepEqual(texts.slice(6), ['100,000', `The scenario in the figure's attributes was made with model version 0.9.0; this is version ${MODEL_VERSION}, so its numbers may differ.`, false]);
  assert.equal(await o.page.locator('article img').count(), 0, 'attribute text never becomes markup');
  // A calculator with bad settings shows its notice and still works.
  const notice = await o.page.evaluate(async () => {
    const c = document.createElement('dprk-labor-calculator');
    c.setAttribute('scenario', 'wage.china=abc');
    c.setAttribute('levers', 'visaClarification,wage.china');
    document.querySelector('article').append(c);
    await new Promise((r) => setTimeout(r, 300));
    return [c.shadowRoot.querySelector('.notice').textContent, c.projection.years.length];
  });
  assert.match(notice[0], /"wage.china" = "abc" is not a number/);
  assert.match(notice[0], /"wage.china" in levers is not a lever/);
  assert.equal(notice[1], 14);
  assert.deepEqual(o.errors, []);
  await o.context.close();
});

test('the iframe embed reports its height to the parent, in a sandboxed iframe', async () => {
  const o = await article();
  const frame = o.page.locator('#frame');
  await o.page.waitForFunction(() => parseInt(document.getElementById('frame').style.height) > 400);
  const embed = o.page.frames().find((f) => f.url().includes('embed.html'));
  await embed.waitForFunction(() => document.getElementById('calculator').projection);
  assert.equal(await embed.evaluate(() => origin), 'null', 'a sandboxed, opaque origin');
  await o.page.waitForTimeout(300);
  const [inner, outer] = [await embed.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)), await frame.evaluate((f) => f.clientHeight)];
  assert.equal(outer, inner, 'the iframe is as tall as its content');
  assert.ok(await embed.evaluate(() => document.documentElement.scrollHeight <= innerHeight), 'no inner scrollbar');
  assert.equal(await embed.evaluate(() => document.getElementById('calculator').scenario.visaClarification), 1, 'fullCompliance from the query');
  // Pym.js protocol: the same height as a pym message when the parent passes childId.
  const pym = await o.page.evaluate(() => new Promise((resolve) => {
    addEventListener('message', (e) => { if (typeof e.data === 'string' && e.data.startsWith('pymxPYMxpym-test')) resolve(e.data); });
    const f = document.createElement('iframe');
    f.src = '../embed.html?preset=statusQuo&childId=pym-test&initialWidth=600&parentTitle=x&parentUrl=y';
    f.setAttribute('sandbox', 'allow-scripts');
    f.title = 'Pym test';
    document.querySelector('article').append(f);
  }));
  assert.match(pym, /^pymxPYMxpym-testxPYMxheightxPYMx\d+$/);
  await frame.scrollIntoViewIfNeeded();
  await frame.screenshot({ path: `${SHOTS}/embed-iframe.png` });
  assert.deepEqual(o.errors, []);
  assert.deepEqual(o.foreign, []);
  await o.context.close();
});

test('axe-core finds no violation in the article with embedded calculators, nor in embed.html', async () => {
  for (const path of ['examples/article.html', 'embed.html?preset=closeVisaLoophole']) {
    const o = path.startsWith('examples') ? await article() : await open(env.browser, env.server.url + path);
    if (!path.startsWith('examples')) await o.page.waitForFunction(() => document.getElementById('calculator').projection);
    assert.deepEqual(await axe(o.page), [], path);
    await o.context.close();
  }
});

test('copy embed code: the element snippet reproduces the page scenario', async () => {
  const o = await open(env.browser, `${env.server.url}?preset=designationSurge&repatriation.china=0.25&wage.russia=420`);
  await o.page.waitForSelector('html[data-ready]');
  await o.page.locator('#share-panel summary').click();
  await o.page.waitForTimeout(300);
  const snippet = await o.page.locator('#embed-element').inputValue();
  const iframe = await o.page.locator('#embed-iframe').inputValue();
  assert.match(snippet, /^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/js\/elements\.js"><\/script>\n<dprk-labor-calculator scenario="[^"<>]+"><\/dprk-labor-calculator>$/);
  for (const part of ['repatriation.china=0.25&amp;', 'designationsPerYear=20&amp;', 'wage.russia=420&amp;', `v=${MODEL_VERSION}`]) assert.ok(snippet.includes(part), part);
  assert.match(iframe, /<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html\?[^"]*repatriation\.china=0\.25&amp;[^"]+" [^>]*sandbox="allow-scripts[^"]*"[^>]*data-dprk-labor><\/iframe>/);
  // Paste the snippet's element into an article and compare the scenarios.
  const pageScenario = await o.page.evaluate(async () => {
    const m = await import('/pkg/dprk_labor.js');
    return { ...m.presets().find((p) => p.id === 'designationSurge').values, 'repatriation.china': 0.25, 'wage.russia': 420 };
  });
  const a = await article();
  const pasted = await a.page.evaluate(async (html) => {
    const t = document.createElement('template');
    t.innerHTML = html.split('\n')[1];
    const c = t.content.firstElementChild;
    document.querySelector('article').append(c);
    await new Promise((r) => setTimeout(r, 300));
    return c.scenario;
  }, snippet);
  for (const [k, v] of Object.entries(pageScenario)) assert.equal(pasted[k], v, k);
  await o.context.close();
  await a.context.close();
});

test('the single-file build works with no .wasm file and a wrong MIME type, under the CSP', async () => {
  if (!existsSync(`${ROOT}dist/dprk-labor.js`)) execFileSync('node', ['scripts/dist.mjs'], { cwd: ROOT });
  const dir = mkdtempSync(`${tmpdir()}/dprk-labor-dist-`);
  copyFileSync(`${ROOT}dist/dprk-labor.js`, `${dir}/dprk-labor.js`);
  copyFileSync(`${ROOT}dist/dprk-labor.html`, `${dir}/dprk-labor.html`);
  copyFileSync(`${ROOT}tests/e2e/fixtures/dist-article.html`, `${dir}/article.html`);
  const server = await serve(dir, { wasmType: 'application/octet-stream' });
  try {
    const o = await open(env.browser, `${server.url}article.html`);
    await o.page.waitForFunction(() => document.getElementById('calc').projection && document.getElementById('v').textContent !== '…');
    assert.match(await o.page.locator('#v').innerText(), /^\$5\.53bn$/);
    assert.equal(await o.page.locator('#calc input[type=range]').count(), 1);
    assert.equal(server.requests.filter((r) => r.endsWith('.wasm')).length, 0, 'no .wasm file is fetched');
    assert.deepEqual(o.errors, []);
    assert.deepEqual(o.foreign, []);
    await o.context.close();
    // The self-contained page, served and as a local file.
    for (const url of [`${server.url}dprk-labor.html`, `file://${dir}/dprk-labor.html`]) {
      const s = await open(env.browser, url);
      await s.page.waitForFunction(() => document.getElementById('calculator').projection);
      assert.match(await s.page.locator('#calculator .figure-value').first().innerText(), /^\$\d+M$/);
      assert.deepEqual(s.errors, [], url);
      await s.context.close();
    }
  } finally {
    await server.close();
  }
});
