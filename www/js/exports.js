// Downloads: the yearly table as CSV, the scenario and projection as JSON, the charts as SVG
// and PNG, and the back-test. Numbers are written at full precision.

/** Offers `content` as a file download. */
export function download(name, type, content) {
  const url = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function cell(v) {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function toCsv(rows) {
  return rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

/** The yearly table: scenario and comparator totals, the comparison preset, bands, hosts. */
export function projectionCsv(results) {
  const { projection: p, comparison, comparePreset, band } = results;
  const cols = [
    ['year', (i) => p.years[i]],
    ['revenue_usd', (i) => p.revenueUsd[i]],
    ['workers', (i) => p.workers[i]],
    ['permitted', (i) => p.permitted[i]],
    ['disguised', (i) => p.disguised[i]],
    ['comparator_revenue_usd', (i) => p.comparator.revenueUsd[i]],
    ['comparator_workers', (i) => p.comparator.workers[i]],
  ];
  for (const host of p.hosts) {
    for (const [key, name] of [['permitted', 'permitted'], ['disguised', 'disguised'], ['workers', 'workers'], ['revenueUsd', 'revenue_usd']]) {
      cols.push([`${host.id}_${name}`, (i) => host[key][i]]);
    }
  }
  if (comparison) {
    cols.push([`${comparePreset.id}_revenue_usd`, (i) => comparison.revenueUsd[i]], [`${comparePreset.id}_workers`, (i) => comparison.workers[i]]);
  }
  if (band) {
    for (const q of ['p5', 'p25', 'p50', 'p75', 'p95']) cols.push([`revenue_usd_${q}`, (i) => band.revenueUsd[q][i]]);
    for (const q of ['p5', 'p25', 'p50', 'p75', 'p95']) cols.push([`workers_${q}`, (i) => band.workers[q][i]]);
  }
  return toCsv([cols.map(([name]) => name), ...p.years.map((_, i) => cols.map(([, f]) => f(i)))]);
}

export function backtestCsv(rows) {
  const head = ['id', 'series', 'year', 'at', 'observed', 'low', 'high', 'modelled', 'gap', 'in_range', 'band_p5', 'band_p95', 'in_band', 'source', 'counted', 'note'];
  return toCsv([head, ...rows.map((r) => {
    const o = r.observation;
    return [o.id, o.series, o.year, o.at, o.value, o.low, o.high, r.modelled, r.gap, r.inRange, r.band?.p5, r.band?.p95, r.inBand, o.source, o.counted, o.note];
  })]);
}

/** A chart as a standalone SVG file. */
export function svgFile(svg) {
  const copy = svg.cloneNode(true);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.querySelectorAll('[tabindex]').forEach((n) => n.removeAttribute('tabindex'));
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(copy);
}

/** A chart rendered to PNG at twice its size. */
export function pngBlob(svg) {
  const { width, height } = svg.viewBox.baseVal;
  const url = URL.createObjectURL(new Blob([svgFile(svg)], { type: 'image/svg+xml' }));
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = width * 2;
      canvas.height = height * 2;
      const ctx = canvas.getContext('2d');
      ctx.scale(2, 2);
      ctx.drawImage(img, 0, 0, width, height);
      URL.revokeObjectURL(url);
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png');
    };
    img.onerror = () => reject(new Error('could not render the SVG'));
    img.src = url;
  });
}
