// Downloads: the yearly table as CSV, the scenario and projection as JSON, the charts as SVG
// and PNG, and the back-test. Numbers are written at full precision; every CSV starts with
// comment lines naming the model version, the scenario's link and the date.

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

/**
 * Metadata as comment lines at the top of a CSV ("# key: value"): model and crate version,
 * the scenario's link, the date and what the columns cover. Spreadsheets show them as rows;
 * pandas reads past them with `comment="#"`, R with `comment.char = "#"`.
 * meta: { model: { modelVersion, crateVersion }, link, date, label, view }
 */
export function metadataLines(meta, extra = []) {
  const lines = [
    `dprk-labor model ${meta.model.modelVersion} (crate ${meta.model.crateVersion})`,
    `scenario: ${meta.label}; link: ${meta.link}`,
    `exported: ${meta.date}`,
    ...extra,
  ];
  return lines.map((l) => `# ${l.replace(/[\r\n]+/g, ' ')}\n`).join('');
}

/**
 * The yearly table. The first columns follow the host in focus (all hosts together, or
 * one); every host's columns follow, then the comparison preset and the bands.
 */
export function projectionCsv(results, meta) {
  const { projection: p, comparison, comparePreset, band } = results;
  const focusId = results.host?.id ?? null;
  const mine = focusId ? p.hosts.find((x) => x.id === focusId) : p;
  const none = focusId ? p.comparator.hosts.find((x) => x.id === focusId) : p.comparator;
  const theirs = focusId ? comparison.hosts.find((x) => x.id === focusId) : comparison;
  const bands = band && (focusId ? band.hosts.find((x) => x.id === focusId) : band);
  const cols = [
    ['year', (i) => p.years[i]],
    ['record', (i) => (p.years[i] <= results.recordEnd ? 1 : 0)],
    ['revenue_usd', (i) => mine.revenueUsd[i]],
    ['workers', (i) => mine.workers[i]],
    ['permitted', (i) => mine.permitted[i]],
    ['disguised', (i) => mine.disguised[i]],
    ['arrivals', (i) => mine.arrivals[i]],
    ['no_enforcement_revenue_usd', (i) => none.revenueUsd[i]],
    ['no_enforcement_workers', (i) => none.workers[i]],
    [`${comparePreset.id}_revenue_usd`, (i) => theirs.revenueUsd[i]],
    [`${comparePreset.id}_workers`, (i) => theirs.workers[i]],
  ];
  if (bands) {
    for (const q of ['p5', 'p25', 'p50', 'p75', 'p95']) cols.push([`revenue_usd_${q}`, (i) => bands.revenueUsd[q][i]]);
    for (const q of ['p5', 'p25', 'p50', 'p75', 'p95']) cols.push([`workers_${q}`, (i) => bands.workers[q][i]]);
  }
  for (const host of p.hosts) {
    for (const [key, name] of [['permitted', 'permitted'], ['disguised', 'disguised'], ['workers', 'workers'], ['arrivals', 'arrivals'], ['revenueUsd', 'revenue_usd']]) {
      cols.push([`${host.id}_${name}`, (i) => host[key][i]]);
    }
  }
  const head = metadataLines(meta, [
    `columns revenue_usd to workers_p95: ${focusId ? `workers in ${results.host.label}` : 'all hosts'}; policies from ${results.from}; compared with ${results.compareLabel}${bands ? `; bands from ${band.draws} draws, seed ${band.seed}` : ''}`,
    `workers at the start of each year; arrivals and revenue over the year; record = 1 for the record's years (to ${results.recordEnd})`,
  ]);
  return head + toCsv([cols.map(([name]) => name), ...p.years.map((_, i) => cols.map(([, f]) => f(i)))]);
}

export function backtestCsv(rows, meta) {
  const head = ['id', 'series', 'measurement', 'from', 'to', 'observed', 'low', 'high', 'modelled', 'gap', 'in_range', 'band_p5', 'band_p95', 'in_band', 'derived', 'source', 'counted', 'note'];
  return metadataLines(meta, ['each published figure against the scenario; a stock on its date, a flow over the months from..to (to excluded)']) + toCsv([head, ...rows.map((r) => {
    const o = r.observation;
    return [o.id, o.series, o.measurement, o.from, o.to, o.value, o.low, o.high, r.modelled, r.gap, r.inRange, r.band?.p5, r.band?.p95, r.inBand, o.derived, o.source, o.counted, o.note];
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
