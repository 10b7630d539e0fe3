// The embed code for what is on screen: the element and the iframe, carrying the scenario,
// the host in focus, the levers, the heading and the compact layout. Loaded when a reader
// opens "Share or embed".
import { IFRAME_HEIGHT } from './heights.js';

/** Text as an HTML attribute value. */
const attr = (s) => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/**
 * The two snippets. `url` is the permalink, `base` the calculator's folder; `levers` lever ids
 * (empty for all); `heading` may be empty (the default heading).
 */
export function embedCodes({ url, base, host, levers, heading, compact }) {
  const query = new URLSearchParams(url.search);
  query.delete('host');
  const attrs = [
    ['scenario', query.toString()],
    host !== 'all' && ['host', host],
    levers.length && ['levers', levers.join(',')],
    heading && ['heading', heading],
  ].filter(Boolean).map(([k, v]) => ` ${k}="${attr(v)}"`).join('');
  const element = `<script type="module" src="${attr(base)}js/elements.js"></script>\n<dprk-labor-calculator${attrs}${compact ? ' compact' : ''}></dprk-labor-calculator>`;
  const frame = new URLSearchParams(query);
  if (host !== 'all') frame.set('host', host);
  if (levers.length) frame.set('levers', levers.join(','));
  if (heading) frame.set('heading', heading);
  if (!compact) frame.set('compact', '0');
  const iframe = `<iframe src="${attr(`${base}embed.html?${frame}`)}" title="${attr(heading || "North Korea's overseas labor revenue calculator")}" width="100%" height="${IFRAME_HEIGHT}" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" loading="lazy" data-dprk-labor></iframe>\n<script src="${attr(base)}js/iframe-resize.js"></script>`;
  return { element, iframe };
}

/** The levers an embed shows by default: those the reader moved, and those that differ from the comparator. */
export function embedLevers(reg, comparePreset, scenario, moved) {
  const compared = comparePreset.values;
  const differ = reg.parameters.filter((p) => p.kind === 'lever' && p.id in compared && JSON.stringify(compared[p.id]) !== JSON.stringify(scenario[p.id])).map((p) => p.id);
  return [...new Set([...moved, ...differ])];
}
