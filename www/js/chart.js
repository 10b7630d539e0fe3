// SVG charts drawn from numbers: a line chart with bands, observation markers, the record's
// years shaded and the year policies start; and a tornado. Styling is in presentation
// attributes, so an exported SVG file looks the same as on the page. A line chart keeps its
// elements between updates: a slider move only rewrites path data, and the axes are redrawn
// only when the scale changes.

const NS = 'http://www.w3.org/2000/svg';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
export const INK = '#1b1b1b';
export const MUTED = '#595959';
const GRID = '#d9d9d9';
const RECORD_SHADE = '#f1f1f1';

/** Creates an SVG element with attributes. */
export function el(name, attrs = {}, parent) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, v);
  if (parent) parent.appendChild(node);
  return node;
}

function text(parent, x, y, content, attrs = {}) {
  const t = el('text', { x, y, 'font-family': FONT, 'font-size': 12, fill: INK, ...attrs }, parent);
  t.textContent = content;
  return t;
}

/** Round tick values covering [lo, hi]: steps of 1, 2 or 5 times a power of ten. */
function ticks(lo, hi, count = 5) {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw);
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** Sets a text node's content only when it changed. */
function setText(node, value) {
  if (node.textContent !== value) node.textContent = value;
}

/** Sets an attribute only when it changed. */
function setAttr(node, name, value) {
  const s = value === null || value === undefined ? null : String(value);
  if (s === null) node.removeAttribute(name);
  else if (node.getAttribute(name) !== s) node.setAttribute(name, s);
}

/**
 * A line chart in `svg`, updated in place. `update(spec)` draws:
 * spec: { width, height, title, desc, years, yLabel, yFormat, valueFormat,
 *         series: [{ key, label, values, color, dash, width }],
 *         bands: [{ key, label, lo, hi, color, opacity }],
 *         markers: [{ year, value, low, high, color, label }],
 *         recordEnd, policyYear }
 * The returned chart also has { readout(i), hide(), nearest(x) } for the read-out of year i.
 */
export function lineChart(svg) {
  svg.replaceChildren();
  for (const [k, v] of Object.entries({ xmlns: NS })) svg.setAttribute(k, v);
  const title = el('title', {}, svg);
  const desc = el('desc', {}, svg);
  const background = el('rect', { x: 0, y: 0, fill: '#ffffff' }, svg);
  const frame = el('g', { 'aria-hidden': 'true' }, svg);
  const bandsGroup = el('g', { 'aria-hidden': 'true' }, svg);
  const seriesGroup = el('g', { 'aria-hidden': 'true' }, svg);
  const cursor = el('line', { stroke: MUTED, 'stroke-width': 1, visibility: 'hidden', 'aria-hidden': 'true' }, svg);
  const dots = el('g', { 'aria-hidden': 'true' }, svg);
  const markersGroup = el('g', { class: 'markers' }, svg);
  const paths = new Map(); // key -> path element, for series and bands
  let spec = null;
  let scale = null;
  let frameKey = '';
  let markersKey = '';

  function path(group, key, attrs) {
    let p = paths.get(key);
    if (!p) {
      p = el('path', attrs, group);
      paths.set(key, p);
    }
    for (const [k, v] of Object.entries(attrs)) setAttr(p, k, v);
    return p;
  }

  function update(next) {
    spec = next;
    const { width, height = 300, years } = spec;
    const narrow = width < 480;
    const m = { top: 18, right: 14, bottom: 40, left: narrow ? 46 : 62 };
    const w = Math.max(40, width - m.left - m.right);
    const h = height - m.top - m.bottom;
    const values = [
      ...spec.series.flatMap((s) => s.values),
      ...(spec.bands ?? []).flatMap((b) => b.hi),
      ...(spec.markers ?? []).map((o) => o.high ?? o.value),
    ].filter(Number.isFinite);
    const yMax = Math.max(1, ...values) * 1.02;
    const yTicks = ticks(0, yMax, narrow ? 4 : 5);
    const step = yTicks.length > 1 ? yTicks[1] - yTicks[0] : yMax;
    while (yTicks[yTicks.length - 1] < yMax) yTicks.push(Number((yTicks[yTicks.length - 1] + step).toPrecision(12)));
    const top = yTicks[yTicks.length - 1];
    const x0 = years[0];
    const span = Math.max(1, years[years.length - 1] - x0);
    const x = (year) => m.left + ((year - x0) / span) * w;
    const y = (v) => m.top + h - (v / top) * h;
    scale = { x, y, m, w, h, span };

    setText(title, spec.title);
    setText(desc, spec.desc);
    const key = [width, height, x0, years.length, top, spec.recordEnd, spec.policyYear, spec.yLabel].join('|');
    if (key !== frameKey) {
      frameKey = key;
      for (const [k, v] of Object.entries({ viewBox: `0 0 ${width} ${height}`, width, height })) svg.setAttribute(k, v);
      setAttr(background, 'width', width);
      setAttr(background, 'height', height);
      drawFrame(frame, spec, { x, y, m, w, h, narrow, yTicks, years });
      setAttr(cursor, 'y1', m.top);
      setAttr(cursor, 'y2', m.top + h);
    }

    const line = (vals) => {
      let d = '';
      for (let i = 0; i < vals.length; i++) d += `${i ? 'L' : 'M'}${x(years[i]).toFixed(1)},${y(vals[i]).toFixed(1)}`;
      return d;
    };
    const live = new Set();
    for (const b of spec.bands ?? []) {
      let d = line(b.hi);
      for (let i = b.lo.length - 1; i >= 0; i--) d += `L${x(years[i]).toFixed(1)},${y(b.lo[i]).toFixed(1)}`;
      path(bandsGroup, `band:${b.key}`, { d: `${d}Z`, fill: b.color, 'fill-opacity': b.opacity, stroke: 'none' });
      live.add(`band:${b.key}`);
    }
    for (const s of spec.series) {
      path(seriesGroup, `series:${s.key}`, { d: line(s.values), fill: 'none', stroke: s.color, 'stroke-width': s.width ?? 2, 'stroke-dasharray': s.dash ?? null, 'stroke-linejoin': 'round' });
      live.add(`series:${s.key}`);
    }
    for (const [k, p] of paths) {
      if (!live.has(k)) {
        p.remove();
        paths.delete(k);
      }
    }
    // Series are drawn in spec order (the scenario last, on top).
    for (const s of spec.series) seriesGroup.appendChild(paths.get(`series:${s.key}`));

    const markers = spec.markers ?? [];
    const mKey = frameKey + markers.map((o) => `${o.year}:${o.value}:${o.label}`).join(';');
    if (mKey !== markersKey) {
      markersKey = mKey;
      markersGroup.replaceChildren();
      for (const o of markers) {
        const g = el('g', { tabindex: 0, role: 'img', 'aria-label': o.label, class: 'marker' }, markersGroup);
        el('title', {}, g).textContent = o.label;
        const cx = x(o.year);
        if (o.high > o.low) el('line', { x1: cx, x2: cx, y1: y(o.high), y2: y(o.low), stroke: o.color, 'stroke-width': 2 }, g);
        el('rect', { x: cx - 5, y: y(o.value) - 5, width: 10, height: 10, fill: '#ffffff', stroke: o.color, 'stroke-width': 2, transform: `rotate(45 ${cx} ${y(o.value)})` }, g);
        // A larger transparent target for pointer and touch.
        el('circle', { cx, cy: y(o.value), r: 11, fill: 'transparent' }, g);
      }
    }
    return chart;
  }

  /** Moves the cursor to year `i`; returns the rows to read out. */
  function readout(i) {
    const { x, y } = scale;
    const years = spec.years;
    setAttr(cursor, 'x1', x(years[i]));
    setAttr(cursor, 'x2', x(years[i]));
    cursor.setAttribute('visibility', 'visible');
    dots.replaceChildren();
    const rows = [];
    for (const b of spec.bands ?? []) rows.push([b.label, `${spec.valueFormat(b.lo[i])} – ${spec.valueFormat(b.hi[i])}`, b.color]);
    for (const s of spec.series) {
      el('circle', { cx: x(years[i]), cy: y(s.values[i]), r: 3.5, fill: s.color }, dots);
      rows.push([s.label, spec.valueFormat(s.values[i]), s.color]);
    }
    const when = years[i] <= spec.recordEnd ? ' (record)' : '';
    return { x: x(years[i]), title: `${years[i]}${when}`, rows };
  }
  function hide() {
    cursor.setAttribute('visibility', 'hidden');
    dots.replaceChildren();
  }
  /** Year index nearest to a horizontal position in SVG units. */
  const nearest = (px) => Math.max(0, Math.min(spec.years.length - 1, Math.round(((px - scale.m.left) / scale.w) * scale.span)));
  const chart = { update, readout, hide, nearest };
  return chart;
}

/** Axes, grid, the record's years and the policy year. */
function drawFrame(g, spec, { x, y, m, w, h, narrow, yTicks, years }) {
  g.replaceChildren();
  const first = years[0];
  const last = years[years.length - 1];
  // The record: years up to recordEnd, shaded, with a divider after its last year.
  if (spec.recordEnd !== undefined && spec.recordEnd >= first) {
    const edge = spec.recordEnd >= last ? m.left + w : x(spec.recordEnd + 0.5);
    el('rect', { x: m.left, y: m.top, width: Math.max(0, edge - m.left), height: h, fill: RECORD_SHADE }, g);
    if (spec.recordEnd < last) {
      el('line', { x1: edge, x2: edge, y1: m.top - 4, y2: m.top + h, stroke: MUTED, 'stroke-width': 1 }, g);
      text(g, edge - 4, m.top - 6, narrow ? 'record' : 'record (reconstructed)', { 'text-anchor': 'end', fill: MUTED, 'font-size': 10 });
      text(g, edge + 4, m.top - 6, 'projection', { fill: MUTED, 'font-size': 10 });
    }
  }
  // The year policies start, where it is not the divider.
  const policy = spec.policyYear;
  if (policy !== undefined && policy > first && policy <= last && policy !== spec.recordEnd + 1) {
    const px = x(policy - 0.5);
    el('line', { x1: px, x2: px, y1: m.top, y2: m.top + h, stroke: '#0b57d0', 'stroke-width': 1.5, 'stroke-dasharray': '4 3' }, g);
    text(g, px + 4, m.top + 12, `policies from ${policy}`, { fill: '#0b57d0', 'font-size': 10 });
  }
  for (const t of yTicks) {
    el('line', { x1: m.left, x2: m.left + w, y1: y(t), y2: y(t), stroke: GRID, 'stroke-width': 1 }, g);
    text(g, m.left - 6, y(t) + 4, spec.yFormat(t), { 'text-anchor': 'end', fill: MUTED });
  }
  const every = Math.ceil(years.length / Math.max(2, Math.floor(w / (narrow ? 44 : 52))));
  const lastIndex = years.length - 1;
  years.forEach((year, i) => {
    // Every `every` years, and the last year, unless it would crowd the tick before it.
    if (i !== lastIndex ? i % every || lastIndex - i < every * 0.6 : false) return;
    el('line', { x1: x(year), x2: x(year), y1: m.top + h, y2: m.top + h + 4, stroke: MUTED }, g);
    text(g, x(year), m.top + h + 17, String(year), { 'text-anchor': 'middle', fill: MUTED });
  });
  el('line', { x1: m.left, x2: m.left + w, y1: m.top + h, y2: m.top + h, stroke: MUTED }, g);
  text(g, m.left, m.top + h + 36, spec.yLabel, { fill: MUTED, 'font-size': 11 });
}

/** A small step chart of one lever's value by year (decoration: the hint says it in words). */
export function stepSpark(svg, { years, values, max, policyYear, recordEnd, width = 160, height = 22 }) {
  svg.replaceChildren();
  for (const [k, v] of Object.entries({ viewBox: `0 0 ${width} ${height}`, width, height, 'aria-hidden': 'true', focusable: 'false' })) svg.setAttribute(k, v);
  const first = years[0];
  const span = Math.max(1, years[years.length - 1] - first + 1);
  const x = (year) => ((year - first) / span) * width;
  const y = (v) => height - 2 - (max > 0 ? v / max : 0) * (height - 4);
  if (recordEnd >= first) el('rect', { x: 0, y: 0, width: Math.min(width, x(recordEnd + 1)), height, fill: RECORD_SHADE }, svg);
  let d = '';
  years.forEach((year, i) => {
    d += `${i ? 'L' : 'M'}${x(year).toFixed(1)},${y(values[i]).toFixed(1)}L${x(year + 1).toFixed(1)},${y(values[i]).toFixed(1)}`;
  });
  el('path', { d, fill: 'none', stroke: INK, 'stroke-width': 1.5 }, svg);
  if (policyYear > first && policyYear <= years[years.length - 1]) {
    el('line', { x1: x(policyYear), x2: x(policyYear), y1: 0, y2: height, stroke: '#0b57d0', 'stroke-width': 1.5 }, svg);
  }
}

/**
 * A tornado chart: one bar per assumption from the output at its low to the output at its
 * high, around the base value.
 * spec: { width, title, desc, base, bars: [{ label, lowValue, highValue, low, high }], format }
 */
export function tornado(svg, spec) {
  const { width, bars } = spec;
  const narrow = width < 520;
  const rowH = 26;
  const labelW = narrow ? 0 : 230;
  const m = { top: 24, right: 16, bottom: 30, left: 12 + labelW };
  const rowsH = bars.length * (narrow ? rowH + 16 : rowH);
  const height = m.top + rowsH + m.bottom;
  const w = width - m.left - m.right;
  svg.replaceChildren();
  for (const [k, v] of Object.entries({ viewBox: `0 0 ${width} ${height}`, width, height, xmlns: NS })) svg.setAttribute(k, v);
  el('title', {}, svg).textContent = spec.title;
  el('desc', {}, svg).textContent = spec.desc;
  el('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }, svg);
  const values = bars.flatMap((b) => [b.lowValue, b.highValue]).concat(spec.base);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const pad = (hi - lo) * 0.05 || Math.abs(hi) * 0.05 || 1;
  lo -= pad;
  hi += pad;
  const x = (v) => m.left + ((v - lo) / (hi - lo)) * w;
  const axes = el('g', { 'aria-hidden': 'true' }, svg);
  for (const t of ticks(lo, hi, narrow ? 3 : 5)) {
    el('line', { x1: x(t), x2: x(t), y1: m.top - 4, y2: m.top + rowsH, stroke: GRID }, axes);
    text(axes, x(t), m.top + rowsH + 16, spec.format(t), { 'text-anchor': 'middle', fill: MUTED, 'font-size': 11 });
  }
  el('line', { x1: x(spec.base), x2: x(spec.base), y1: m.top - 8, y2: m.top + rowsH, stroke: INK, 'stroke-width': 1.5 }, axes);
  text(axes, x(spec.base), m.top - 10, `as set: ${spec.format(spec.base)}`, { 'text-anchor': 'middle', 'font-size': 11 });
  bars.forEach((b, i) => {
    const top = m.top + i * (narrow ? rowH + 16 : rowH) + (narrow ? 16 : 0);
    // Named for screen readers and titled for hover, but not tab stops: 20 of them would be a trap.
    const g = el('g', { role: 'img', class: 'bar', 'aria-label': `${b.label}: ${spec.format(b.lowValue)} at its low (${b.low}), ${spec.format(b.highValue)} at its high (${b.high})` }, svg);
    el('title', {}, g).textContent = g.getAttribute('aria-label');
    if (narrow) text(g, m.left, top - 4, b.label, { 'font-size': 11 });
    else text(g, m.left - 8, top + 15, b.label, { 'text-anchor': 'end', 'font-size': 12 });
    const seg = (from, to, color) => {
      const [a, c] = [Math.min(x(from), x(to)), Math.max(x(from), x(to))];
      el('rect', { x: a, y: top + 4, width: Math.max(1, c - a), height: rowH - 8, fill: color }, g);
    };
    seg(spec.base, b.lowValue, '#0072b2');
    seg(spec.base, b.highValue, '#d55e00');
  });
}
