// The iframe embed: the compact calculator, set from this page's query (the same syntax as
// the full page, plus `levers`, `heading` and `compact=0` for the full layout), reporting its height to the parent page so
// that it needs no inner scrollbar. Two protocols: a message
// { type: "dprk-labor:height", height } for js/iframe-resize.js, and Pym.js's
// "pymxPYMx<childId>xPYMxheightxPYMx<height>" for pages that already use Pym.
import './elements.js';

const query = new URLSearchParams(location.search);
const calculator = document.getElementById('calculator');
const pymId = query.get('childId');
// Pym.js adds these to the iframe's URL; the calculator does not use them.
for (const key of ['childId', 'initialWidth', 'parentTitle', 'parentUrl']) query.delete(key);
for (const key of ['levers', 'heading']) {
  if (query.has(key)) calculator.setAttribute(key, query.get(key));
  query.delete(key);
}
if (query.get('compact') === '0') calculator.removeAttribute('compact');
query.delete('compact');
calculator.setAttribute('scenario', query.toString());

let last = 0;
function report() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  window.parent.postMessage({ type: 'dprk-labor:height', height }, '*');
  if (pymId) window.parent.postMessage(`pymxPYMx${pymId}xPYMxheightxPYMx${height}`, '*');
}
// The calculator grows as it draws. Chromium throttles rendering, and so ResizeObserver, in
// cross-origin iframes outside the viewport, so measure after every change too (reading the
// layout forces it), and once more when the summary sentence has been written.
const observer = new ResizeObserver(report);
for (const node of [document.documentElement, document.body, calculator]) observer.observe(node);
calculator.addEventListener('dprk-labor-change', () => {
  report();
  setTimeout(report, 300);
});
