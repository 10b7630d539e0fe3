// Embedding: an article with two calculators, inline values, a sandboxed iframe; the three
// routes of docs/embedding.md on a second origin under a strict policy; the single-file
// build; the measured heights of the compact calculator (written to the docs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { setup, open, axe, SHOTS, ROOT, MODEL_VERSION } from './browser.mjs';
import { serve } from '../../scripts/serve.mjs';
import { HEIGHTS, IFRAME_HEIGHT } from '../../www/js/heights.js';

/** closeVisaLoophole's revenue over its window (2027 to 2030), as usd-millions writes it. */
const STATIC_FIGURE = (() => {
  const p = JSON.parse(readFileSync(`${ROOT}tests/golden/closeVisaLoophole.json`, 'utf8'));
  const window = p.revenueUsd.slice(p.years.indexOf(2027)).reduce((a, b) => a + b, 0);
  return `$${(window / 1e6).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}M`;
})();
let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

async function article(size = { width: 800, height: 900 }) {
  const o = await open(env.browser, `${env.server.url}examples/article.html`, size);
  await o.page.waitForFunction(() => [...document.querySelectorAll('dprk-labor-value')].every((v) => v.textContent !== '…'));
  await o.page.waitForFunction(() => document.getElementById('calc-a').projection && document.getElementById('calc-b').projection);
  await o.page.waitForFunction(() => document.getElementById('value-follow-a').textContent !== '…');
  return o;
}
const value = (p, id) => p.locator(`#${id}`).innerText();
const golden = (name) => JSON.parse(readFileSync(`${ROOT}tests/golden/${name}.json`, 'utf8'));

test('an article with two calculators: independent states, inline values that follow them', async () => {
  const o = await article();
  const expected = await o.page.evaluate(async () => {
    const m = await import('/pkg/dprk_labor.js');
    const values = (id) => m.presets().find((p) => p.id === id).values;
    const p = m.evaluate(values('closeVisaLoophole'));
    const i = p.years.indexOf(2027);
    const sum = (xs) => xs.slice(i).reduce((a, b) => a + b, 0);
    return { window: sum(p.revenueUsd), russia: sum(p.hosts[1].revenueUsd) };
  });
  assert.equal(await value(o.page, 'value-static'), `$${(expected.window / 1e6).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}M`);
  assert.equal(await value(o.page, 'value-russia'), `$${(expected.russia / 1e6).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}M`, 'the host attribute');
  const [a0, share0, b0] = [await value(o.page, 'value-follow-a'), await value(o.page, 'value-follow-a-share'), await value(o.page, 'value-follow-b')];
  const bScenario = await o.page.evaluate(() => document.getElementById('calc-b').scenario);
  const slider = o.page.locator('#calc-a input[type=range]').first();
  await slider.focus();
  for (let i = 0; i < 10; i++) await o.page.keyboard.press('ArrowLeft');
  assert.notEqual(await value(o.page, 'value-follow-a'), a0, 'the sentence follows its calculator');
  assert.notEqual(await value(o.page, 'value-follow-a-share'), share0);
  assert.equal(await value(o.page, 'value-follow-b'), b0, 'the other calculator is untouched');
  assert.deepEqual(await o.page.evaluate(() => document.getElementById('calc-b').scenario), bScenario);
  // A slider sets its lever from the policy year on; the record's years keep their values.
  const moved = await o.page.evaluate(() => document.getElementById('calc-a').scenario['permitBan.russia']);
  assert.deepEqual(moved.slice(0, -1), [[2017, 0], [2018, 0.96], [2019, 1]]);
  assert.ok(moved.at(-1)[0] === 2027 && moved.at(-1)[1] < 1, JSON.stringify(moved));
  const final = await o.page.evaluate(() => document.getElementById('calc-a').projection.revenueUsd.at(-1));
  assert.equal(await value(o.page, 'value-follow-a'), `$${(final / 1e6).toFixed(1)}M`);
  // The second calculator has Russia in focus.
  assert.match(await o.page.locator('#calc-b .figure-label').first().innerText(), /in Russia, 2027–2030/);
  const why = await o.page.locator('#calc-b .calibration a').getAttribute('href');
  assert.equal(why, `${env.server.url}methodology.html#the-calibration-gap`);
  assert.equal(await o.page.locator('#calc-a input[type=range]').count(), 3);
  const levers = await o.page.evaluate(async () => (await import('/pkg/dprk_labor.js')).parameters().filter((p) => p.kind === 'lever').length);
  assert.equal(await o.page.locator('#calc-b input[type=range]').count(), levers);
  assert.deepEqual(o.errors, []);
  assert.deepEqual(o.foreign, []);
  await o.context.close();
});

test('figures published with 1.1.0 keep their numbers; the fallback text stays without JavaScript', async () => {
  const o = await article();
  const legacy = golden('model1/closeVisaLoophole').summary.cumulativeDeniedUsd;
  assert.equal(await value(o.page, 'value-legacy'), `$${(legacy / 1e9).toFixed(2)}bn`);
  assert.equal(await value(o.page, 'value-status-quo'), `$${(golden('model1/statusQuo').summary.cumulativeDeniedUsd / 1e9).toFixed(2)}bn`);
  assert.match(await o.page.locator('#value-legacy').getAttribute('title'), /as model 1\.1\.0 computed it/);
  // Every figure's fallback is the number it shows (the example's text is kept in step).
  for (const id of ['value-static', 'value-record', 'value-russia', 'value-legacy', 'value-status-quo']) {
    const html = readFileSync(`${ROOT}www/examples/article.html`, 'utf8');
    const fallback = html.match(new RegExp(`id="${id}"[^>]*>([^<]+)<`))[1];
    assert.equal(await value(o.page, id), fallback, id);
  }
  await o.context.close();
  // No JavaScript: a feed reader or crawler sees the sentence with its figures.
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${env.server.url}examples/article.html`);
  const paragraph = await page.locator('article p').first().innerText();
  assert.match(paragraph, /would take \$[\d,]+\.\dM from its workers abroad in 2027–2030, against \$[\d,]+\.\dM on the current course\. In Russia alone it would still take \$[\d,]+\.\dM,/);
  await context.close();
});

test('bad attributes render a visible, readable fallback, not an exception', async () => {
  const o = await article();
  assert.equal(await value(o.page, 'value-bad'), '[figure unavailable: unknown metric "summary.noSuchThing"; the list is in docs/embedding.md]');
  assert.equal(await value(o.page, 'value-bad-for'), '[figure unavailable: no calculator with id "no-such-calculator"]');
  const texts = await o.page.evaluate(async () => {
    const make = (attrs, fallback = '') => {
      const v = document.createElement('dprk-labor-value');
      for (const [k, x] of Object.entries(attrs)) v.setAttribute(k, x);
      v.textContent = fallback;
      document.querySelector('article').append(v);
      return v;
    };
    const vs = [
      make({ metric: 'revenueUsd@2030', format: 'roman', v: '2.0.0' }),
      make({ metric: 'revenueUsd@1999', v: '2.0.0' }),
      make({ metric: 'revenueUsd', v: '2.0.0' }),
      make({ metric: 'revenueUsd@2030', scenario: 'repatriation.russia=7&v=2.0.0' }),
      make({}),
      make({ metric: 'workers@2030', scenario: 'preset=noEnforcement&<img src=x onerror=alert(1)>=1&v=2.0.0' }),
      make({ metric: 'constructor', v: '2.0.0' }),
      make({ metric: 'workers@2030', host: 'mars', v: '2.0.0' }),
      make({ metric: 'revenueUsd@2030', scenario: 'visaClarification=2020:1,2019:0&v=2.0.0' }),
      make({ metric: 'summary.noSuchThing', v: '2.0.0' }, '$500M'),
      make({ metric: 'workers@2030', scenario: 'preset=noEnforcement&v=0.9.0' }),
    ];
    await new Promise((r) => setTimeout(r, 300));
    return vs.map((v) => [v.textContent, v.getAttribute('data-error'), v.title]);
  });
  assert.match(texts[0][0], /unknown format "roman"; allowed: usd, usd-millions/);
  assert.match(texts[1][0], /year "1999" is outside 2017–2030/);
  assert.match(texts[2][0], /yearly series: add @YEAR/);
  assert.match(texts[3][0], /"repatriation.russia" = 7 is out of range: allowed 0 to 1/);
  assert.match(texts[4][0], /no metric given/);
  assert.match(texts[5][0], /Unknown parameter "<img src/);
  assert.match(texts[6][0], /unknown metric "constructor"/);
  assert.match(texts[7][0], /"host" = "mars" .* is not allowed/);
  assert.match(texts[8][0], /"visaClarification".*2019/);
  assert.deepEqual(texts[9].slice(0, 2), ['$500M', 'unknown metric "summary.noSuchThing"; the list is in docs/embedding.md'], 'an author\'s fallback stays, the error is an attribute');
  assert.equal(texts[10][0], golden('noEnforcement').workers.at(-1).toLocaleString('en-US', { maximumFractionDigits: 0 }));
  assert.match(texts[10][2], /made with model version "0\.9\.0"/);
  assert.equal(await o.page.locator('article img').count(), 0, 'attribute text never becomes markup');
  const notice = await o.page.evaluate(async () => {
    const c = document.createElement('dprk-labor-calculator');
    c.setAttribute('scenario', 'wage.china=abc&v=2.0.0');
    c.setAttribute('levers', 'visaClarification,wage.china');
    c.setAttribute('policy-year', '2020');
    document.querySelector('article').append(c);
    await new Promise((r) => setTimeout(r, 300));
    return [c.shadowRoot.querySelector('.notice').textContent, c.projection.years.length, c.figures.from];
  });
  assert.match(notice[0], /"wage.china" "abc" is not a number/);
  assert.match(notice[0], /"wage.china" in levers is not a lever/);
  assert.deepEqual(notice.slice(1), [14, 2020], 'the policy-year attribute');
  assert.deepEqual(o.errors, []);
  await o.context.close();
});

test('typography does not follow the article\'s font size; custom properties theme it', async () => {
  const sizes = [];
  for (const root of ['10px', '24px']) {
    const o = await article();
    // Through the CSSOM, which the article's policy allows (it forbids inline style).
    await o.page.evaluate((root) => {
      document.documentElement.style.fontSize = root;
      document.body.style.fontSize = '1.3rem';
      const b = document.getElementById('calc-b');
      b.style.setProperty('--dprk-labor-accent', 'rgb(170, 0, 0)');
      b.style.setProperty('--dprk-labor-font', 'Georgia, serif');
    }, root);
    await o.page.waitForTimeout(100);
    sizes.push(await o.page.evaluate(() => {
      const root = document.getElementById('calc-a').shadowRoot;
      const px = (sel) => getComputedStyle(root.querySelector(sel)).fontSize;
      const b = document.getElementById('calc-b').shadowRoot;
      return { heading: px('h2'), legend: px('.legend'), figure: px('.figure-value'), label: px('.control label'), accent: getComputedStyle(b.querySelector('a')).color, font: getComputedStyle(b.querySelector('h2')).fontFamily };
    }));
    await o.context.close();
  }
  assert.deepEqual(sizes[0], sizes[1]);
  assert.equal(sizes[0].heading, '17.6px');
  assert.ok(parseFloat(sizes[0].legend) < parseFloat(sizes[0].heading));
  assert.equal(sizes[0].accent, 'rgb(170, 0, 0)');
  assert.match(sizes[0].font, /Georgia/);
});

test('at phone width, the result shows beside the slider being moved', async () => {
  const o = await open(env.browser, `${env.server.url}embed.html?preset=closeVisaLoophole&v=${MODEL_VERSION}`, { width: 360, height: 700 });
  await o.page.waitForFunction(() => document.getElementById('calculator').projection);
  const slider = o.page.locator('#calculator input[type=range]').last();
  await slider.focus();
  await o.page.keyboard.press('ArrowLeft');
  const live = o.page.locator('#calculator .control:has(input:focus) .live');
  assert.ok(await live.isVisible());
  assert.match(await live.innerText(), /^2027–2030: \$[\d.,]+(M|bn), (denied|added) \$[\d.,]+(M|bn)? \(\d+%\)$/);
  // The live line is inside the viewport with the slider.
  const [a, b] = [await slider.boundingBox(), await live.boundingBox()];
  assert.ok(b.y > a.y && b.y < a.y + 80);
  assert.equal(await o.page.evaluate(() => document.documentElement.scrollWidth - innerWidth), 0);
  await o.page.screenshot({ path: `${SHOTS}/embed-360.png`, fullPage: true });
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
  assert.equal(await embed.evaluate(() => document.getElementById('calculator').scenario.visaClarification.at(-1)[1]), 1, 'fullCompliance from the query');
  const pym = await o.page.evaluate(() => new Promise((resolve) => {
    addEventListener('message', (e) => { if (typeof e.data === 'string' && e.data.startsWith('pymxPYMxpym-test')) resolve(e.data); });
    const f = document.createElement('iframe');
    f.src = '../embed.html?preset=record&childId=pym-test&initialWidth=600&parentTitle=x&parentUrl=y';
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

/**
 * Heights of the compact calculator (all levers) in embed.html by width: where the chart
 * ends and the whole. With UPDATE_HEIGHTS=1 they are written to www/js/heights.js and the
 * table in docs/embedding.md; otherwise both must match what is measured here.
 */
test('measured heights of the compact calculator, in the docs and as the iframe default', async () => {
  const widths = [320, 360, 480, 600, 720, 960];
  const measured = [];
  for (const width of widths) {
    const o = await open(env.browser, `${env.server.url}embed.html?v=${MODEL_VERSION}`, { width, height: 800 });
    await o.page.waitForFunction(() => document.getElementById('calculator').projection);
    await o.page.waitForTimeout(300);
    measured.push(await o.page.evaluate((width) => {
      const root = document.getElementById('calculator').shadowRoot;
      const chart = root.querySelector('.chart-box').getBoundingClientRect();
      return { width, chartBottom: Math.ceil(chart.bottom + scrollY), height: Math.ceil(document.documentElement.getBoundingClientRect().height) };
    }, width));
    await o.context.close();
  }
  const iframeHeight = Math.ceil((Math.max(...measured.map((m) => m.chartBottom)) + 40) / 20) * 20;
  const table = ['| iframe width | chart ends at | whole calculator |', '|---|---|---|', ...measured.map((m) => `| ${m.width} px | ${m.chartBottom} px | ${m.height} px |`)].join('\n');
  const docsPath = `${ROOT}docs/embedding.md`;
  const docs = readFileSync(docsPath, 'utf8');
  const block = /(<!-- generated:heights:begin -->\n)[\s\S]*?(<!-- generated:heights:end -->)/;
  if (process.env.UPDATE_HEIGHTS) {
    writeFileSync(`${ROOT}www/js/heights.js`, `// Generated by tests/e2e/embed.test.mjs (UPDATE_HEIGHTS=1); do not edit by hand.
// Heights of the compact calculator in embed.html with all levers, measured in headless Chromium.
/** By iframe width (px): where the chart ends and the whole calculator's height (px). */
export const HEIGHTS = ${JSON.stringify(measured)};
/** The iframe's default height: below the chart's end at every measured width. */
export const IFRAME_HEIGHT = ${iframeHeight};
`);
    writeFileSync(docsPath, docs.replace(block, (_, begin, end) => `${begin}${table}\n\nDefault iframe height: ${iframeHeight} px.\n${end}`)
      .replace(/(iframe embed; its height is the default[\s\S]*?height=")\d+"/, `$1${iframeHeight}"`));
    return;
  }
  assert.deepEqual(measured, HEIGHTS, 'www/js/heights.js is current (UPDATE_HEIGHTS=1 rewrites it)');
  assert.equal(IFRAME_HEIGHT, iframeHeight);
  assert.ok(docs.includes(`${table}\n\nDefault iframe height: ${iframeHeight} px.`), 'docs/embedding.md is current (UPDATE_HEIGHTS=1 rewrites it)');
  assert.match(docs, new RegExp(`iframe embed; its height is the default[\\s\\S]*?height="${iframeHeight}"`), 'the iframe example has the default height');
  for (const m of measured) assert.ok(m.chartBottom < IFRAME_HEIGHT, `the chart is cut off at ${m.width} px`);
});

test('axe-core finds no violation in the article with embedded calculators, nor in embed.html', async () => {
  for (const path of ['examples/article.html', `embed.html?preset=closeVisaLoophole&v=${MODEL_VERSION}`]) {
    const o = path.startsWith('examples') ? await article() : await open(env.browser, env.server.url + path);
    if (!path.startsWith('examples')) await o.page.waitForFunction(() => document.getElementById('calculator').projection);
    assert.deepEqual(await axe(o.page), [], path);
    await o.context.close();
  }
});

test('the page\'s embed code carries compact, levers, heading and host, and reproduces the scenario', async () => {
  const o = await open(env.browser, `${env.server.url}?preset=designationSurge&repatriation.china=2017:0,2018:0.3,2027:0.25&wage.russia=420&host=russia&v=${MODEL_VERSION}`);
  await o.page.waitForSelector('html[data-ready]');
  await o.page.locator('#share-panel summary').click();
  await o.page.locator('#embed-heading').fill('Designations & "Russia"');
  // The embed code's module loads when the panel first opens.
  await o.page.waitForFunction(() => document.getElementById('embed-element').value.includes('heading='));
  const snippet = await o.page.locator('#embed-element').inputValue();
  const iframe = await o.page.locator('#embed-iframe').inputValue();
  assert.match(snippet, /^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/js\/elements\.js"><\/script>\n<dprk-labor-calculator scenario="[^"<>]+" host="russia" levers="[^"]+" heading="Designations &amp; &quot;Russia&quot;" compact><\/dprk-labor-calculator>$/);
  assert.match(snippet, /levers="repatriation\.china,designationsPerYear"/, 'the levers that differ from the comparator');
  assert.match(iframe, new RegExp(`height="${IFRAME_HEIGHT}"`));
  assert.match(iframe, /embed\.html\?[^"]*host=russia&amp;levers=repatriation\.china%2CdesignationsPerYear&amp;heading=Designations/);
  const pageScenario = await o.page.evaluate(async () => {
    const m = await import('/pkg/dprk_labor.js');
    return { ...m.presets().find((p) => p.id === 'designationSurge').values, 'repatriation.china': [[2017, 0], [2018, 0.3], [2027, 0.25]], 'wage.russia': 420 };
  });
  const a = await article();
  const pasted = await a.page.evaluate(async (html) => {
    const t = document.createElement('template');
    t.innerHTML = html.split('\n')[1];
    const c = t.content.firstElementChild;
    document.querySelector('article').append(c);
    await new Promise((r) => setTimeout(r, 300));
    return [c.scenario, c.shadowRoot.querySelector('h2').textContent, c.shadowRoot.querySelectorAll('input[type=range]').length, c.figures.revenue, c.hasAttribute('compact')];
  }, snippet);
  for (const [k, v] of Object.entries(pageScenario)) assert.deepEqual(pasted[0][k], v, k);
  assert.deepEqual(pasted.slice(1, 3), ['Designations & "Russia"', 2]);
  assert.equal(pasted[4], true);
  const pageRussia = await o.page.evaluate(() => document.querySelector('[data-figure=revenue] .figure-value').textContent);
  const { usd } = await import('../../www/js/format.js');
  assert.equal(usd(pasted[3]), pageRussia, 'the pasted calculator shows the page\'s Russia figure');
  await o.context.close();
  await a.context.close();
});

/** A second origin with an article that embeds the calculator one way, under `csp`. */
async function strictArticle(body, csp, files = []) {
  const dir = mkdtempSync(`${tmpdir()}/dprk-labor-article-`);
  for (const [from, to] of files) copyFileSync(from, `${dir}/${to}`);
  writeFileSync(`${dir}/index.html`, `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><title>Article</title></head><body><main><h1>Article</h1>${body}</main></body></html>`);
  return serve(dir);
}

test('each route of docs/embedding.md works from a second origin under its strict policy', async () => {
  const calc = env.server.url.slice(0, -1);
  const routes = [
    ['element', `default-src 'none'; script-src ${calc} 'wasm-unsafe-eval'; connect-src ${calc}`,
      `<script type="module" src="${calc}/js/elements.js"></script><dprk-labor-calculator id="c" compact scenario="preset=closeVisaLoophole&amp;v=${MODEL_VERSION}"></dprk-labor-calculator><p><dprk-labor-value id="v" metric="window.revenueUsd" format="usd-millions" scenario="preset=closeVisaLoophole&amp;v=${MODEL_VERSION}">${STATIC_FIGURE}</dprk-labor-value></p>`, []],
    ['iframe', `default-src 'none'; frame-src ${calc}; script-src 'self'`,
      `<iframe id="f" src="${calc}/embed.html?preset=closeVisaLoophole&amp;v=${MODEL_VERSION}" title="Calculator" width="100%" height="${IFRAME_HEIGHT}" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" data-dprk-labor></iframe><script src="iframe-resize.js"></script>`,
      [[`${ROOT}www/js/iframe-resize.js`, 'iframe-resize.js']]],
    ['single file', `default-src 'none'; script-src 'self' 'wasm-unsafe-eval'`,
      `<script type="module" src="dprk-labor.js"></script><dprk-labor-calculator id="c" compact methodology-url="https://calculator.example/methodology.html"></dprk-labor-calculator>`,
      [[`${ROOT}dist/dprk-labor.js`, 'dprk-labor.js']]],
  ];
  if (!existsSync(`${ROOT}dist/dprk-labor.js`)) execFileSync('node', ['scripts/dist.mjs'], { cwd: ROOT });
  for (const [name, csp, body, files] of routes) {
    const server = await strictArticle(body, csp, files);
    try {
      const o = await open(env.browser, server.url, { width: 720, height: 900 });
      await o.page.evaluate(() => { window.violations = []; document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`)); });
      if (name === 'iframe') {
        await o.page.waitForFunction(() => parseInt(document.getElementById('f').style.height) > 300, null, { timeout: 10000 });
        const frame = o.page.frames().find((f) => f.url().includes('embed.html'));
        await frame.waitForFunction(() => document.getElementById('calculator').projection);
      } else {
        await o.page.waitForFunction(() => document.getElementById('c').projection, null, { timeout: 10000 });
        if (name === 'single file') assert.equal(await o.page.locator('#c a[href="https://calculator.example/methodology.html"]').count(), 1, 'methodology-url');
        else assert.equal(await o.page.locator('#v').innerText(), STATIC_FIGURE);
      }
      assert.deepEqual(await o.page.evaluate(() => window.violations), [], name);
      assert.deepEqual(o.errors.filter((e) => /Content Security Policy|Refused/.test(e)), [], name);
      await o.context.close();
    } finally {
      await server.close();
    }
  }
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
    const expected = golden('fullCompliance');
    const i = expected.years.indexOf(2027);
    const compared = golden('record').revenueUsd.slice(i).reduce((a, b) => a + b, 0);
    const denied = compared - expected.revenueUsd.slice(i).reduce((a, b) => a + b, 0);
    assert.equal(await o.page.locator('#v').innerText(), `$${(denied / 1e6).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}M`);
    assert.equal(await o.page.locator('#calc input[type=range]').count(), 1);
    assert.equal(server.requests.filter((r) => r.endsWith('.wasm')).length, 0, 'no .wasm file is fetched');
    assert.deepEqual(o.errors, []);
    assert.deepEqual(o.foreign, []);
    await o.context.close();
    for (const url of [`${server.url}dprk-labor.html`, `file://${dir}/dprk-labor.html`]) {
      const s = await open(env.browser, url);
      await s.page.waitForFunction(() => document.getElementById('calculator').projection);
      assert.match(await s.page.locator('#calculator .figure-value').first().innerText(), /^\$[\d.]+(M|bn)$/);
      assert.deepEqual(s.errors, [], url);
      await s.context.close();
    }
  } finally {
    await server.close();
  }
});
