// SVG charts drawn from numbers: a line chart with optional bands and observation markers,
// and a tornado. Styling is in presentation attributes, so an exported SVG file looks the
// same as on the page. Each chart reads out values on hover and on keyboard focus.

const NS = 'http://www.w3.org/2000/svg';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
export const INK = '#1b1b1b';
export const MUTED = '#595959';
const GRID = '#d9d9d9';

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

/** Clears `svg` and sets its size, title, description and a white background (which an
 * exported file needs). */
function begin(svg, width, height, { title, desc }) {
  svg.replaceChildren();
  for (const [k, v] of Object.entries({ viewBox: `0 0 ${width} ${height}`, width, height, xmlns: NS })) svg.setAttribute(k, v);
  el('title', {}, svg).textContent = title;
  el('desc', {}, svg).textContent = desc;
  el('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }, svg);
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

/**
 * Draws a line chart into `svg`, replacing its content.
 * spec: { width, height, title, desc, years, yLabel, yFormat, valueFormat,
 *         series: [{ label, values, color, dash, width }],
 *         bands: [{ label, lo, hi, color, opacity }],
 *         markers: [{ year, value, low, high, color, label }] }
 * Returns { readout(i), hide(), nearest(x) } for the caller's read-out of year i.
 */
export function lineChart(svg, spec) {
  const { width, height = 300, years } = spec;
  const narrow = width < 480;
  const m = { top: 12, right: 14, bottom: 40, left: narrow ? 46 : 62 };
  const w = Math.max(40, width - m.left - m.right);
  const h = height - m.top - m.bottom;
  begin(svg, width, height, spec);

  const visible = spec.markers ?? [];
  const all = [
    ...spec.series.flatMap((s) => s.values),
    ...(spec.bands ?? []).flatMap((b) => b.hi),
    ...visible.map((o) => o.high),
  ].filter(Number.isFinite);
  const yMax = Math.max(1, ...all) * 1.02;
  // The axis ends on the first tick at or above the highest value.
  const yTicks = ticks(0, yMax, narrow ? 4 : 5);
  const step = yTicks.length > 1 ? yTicks[1] - yTicks[0] : yMax;
  while (yTicks[yTicks.length - 1] < yMax) yTicks.push(Number((yTicks[yTicks.length - 1] + step).toPrecision(12)));
  const top = yTicks[yTicks.length - 1];
  const x0 = years[0];
  const span = Math.max(1, years[years.length - 1] - x0);
  const x = (year) => m.left + ((year - x0) / span) * w;
  const y = (v) => m.top + h - (v / top) * h;

  const axes = el('g', { 'aria-hidden': 'true' }, svg);
  for (const t of yTicks) {
    el('line', { x1: m.left, x2: m.left + w, y1: y(t), y2: y(t), stroke: GRID, 'stroke-width': 1 }, axes);
    text(axes, m.left - 6, y(t) + 4, spec.yFormat(t), { 'text-anchor': 'end', fill: MUTED });
  }
  const every = Math.ceil(years.length / Math.max(2, Math.floor(w / (narrow ? 44 : 52))));
  const lastIndex = years.length - 1;
  years.forEach((year, i) => {
    // Every `every` years, and the last year, unless it would crowd the tick before it.
    if (i !== lastIndex ? i % every || lastIndex - i < every * 0.6 : false) return;
    el('line', { x1: x(year), x2: x(year), y1: m.top + h, y2: m.top + h + 4, stroke: MUTED }, axes);
    text(axes, x(year), m.top + h + 17, String(year), { 'text-anchor': 'middle', fill: MUTED });
  });
  el('line', { x1: m.left, x2: m.left + w, y1: m.top + h, y2: m.top + h, stroke: MUTED }, axes);
  text(axes, m.left, height - 4, spec.yLabel, { fill: MUTED, 'font-size': 11 });

  const path = (values, i0 = 0) => values.map((v, i) => `${i ? 'L' : 'M'}${x(years[i + i0]).toFixed(1)},${y(v).toFixed(1)}`).join('');
  for (const b of spec.bands ?? []) {
    const d = path(b.hi) + b.lo.map((v, i) => `L${x(years[b.lo.length - 1 - i]).toFixed(1)},${y(b.lo[b.lo.length - 1 - i]).toFixed(1)}`).join('') + 'Z';
    el('path', { d, fill: b.color, 'fill-opacity': b.opacity, stroke: 'none', 'aria-hidden': 'true' }, svg);
  }
  for (const s of spec.series) {
    el('path', { d: path(s.values), fill: 'none', stroke: s.color, 'stroke-width': s.width ?? 2, 'stroke-dasharray': s.dash, 'stroke-linejoin': 'round', 'aria-hidden': 'true' }, svg);
  }

  const cursor = el('line', { y1: m.top, y2: m.top + h, stroke: MUTED, 'stroke-width': 1, visibility: 'hidden', 'aria-hidden': 'true' }, svg);
  const dots = el('g', { 'aria-hidden': 'true' }, svg);

  const markers = el('g', { class: 'markers' }, svg);
  for (const o of visible) {
    const g = el('g', { tabindex: 0, role: 'img', 'aria-label': o.label, class: 'marker' }, markers);
    el('title', {}, g).textContent = o.label;
    const cx = x(o.year);
    if (o.high > o.low) el('line', { x1: cx, x2: cx, y1: y(o.high), y2: y(o.low), stroke: o.color, 'stroke-width': 2 }, g);
    el('rect', { x: cx - 5, y: y(o.value) - 5, width: 10, height: 10, fill: '#ffffff', stroke: o.color, 'stroke-width': 2, transform: `rotate(45 ${cx} ${y(o.value)})` }, g);
    // A larger transparent target for pointer and touch.
    el('circle', { cx, cy: y(o.value), r: 11, fill: 'transparent' }, g);
  }

  /** Moves the cursor to year `i`; returns the rows to read out. */
  function readout(i) {
    cursor.setAttribute('x1', x(years[i]));
    cursor.setAttribute('x2', x(years[i]));
    cursor.setAttribute('visibility', 'visible');
    dots.replaceChildren();
    const rows = [];
    for (const b of spec.bands ?? []) rows.push([b.label, `${spec.valueFormat(b.lo[i])} – ${spec.valueFormat(b.hi[i])}`, b.color]);
    for (const s of spec.series) {
      el('circle', { cx: x(years[i]), cy: y(s.values[i]), r: 3.5, fill: s.color }, dots);
      rows.push([s.label, spec.valueFormat(s.values[i]), s.color]);
    }
    return { x: x(years[i]), title: String(years[i]), rows };
  }
  function hide() {
    cursor.setAttribute('visibility', 'hidden');
    dots.replaceChildren();
  }
  /** Year index nearest to a horizontal position in SVG units. */
  const nearest = (px) => Math.max(0, Math.min(years.length - 1, Math.round(((px - m.left) / w) * span)));
  return { readout, hide, nearest };
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
  begin(svg, width, height, spec);
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
