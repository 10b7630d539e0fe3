// Styles of the embeddable calculator, applied inside its shadow root (no global CSS).
export const CSS = `
:host { display: block; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.4; color: #1b1b1b; background: #fff; container-type: inline-size; }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.calc { border: 1px solid #c8c8c8; border-radius: 8px; padding: .75rem; }
h2 { font-size: 1.05rem; margin: 0 0 .5rem; }
p { margin: .3rem 0; }
a { color: #0b57d0; }
:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
.grid { display: grid; gap: .75rem; grid-template-columns: minmax(0, 1fr); }
@container (min-width: 700px) { .grid { grid-template-columns: minmax(220px, 300px) minmax(0, 1fr); } }
.row { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; margin: 0 0 .5rem; }
select, button { font: inherit; color: #1b1b1b; border: 1px solid #767676; border-radius: 4px; padding: .25rem .4rem; background: #fff; min-height: 30px; max-width: 100%; }
fieldset { border: 1px solid #c8c8c8; border-radius: 6px; margin: 0 0 .5rem; padding: .4rem .6rem; min-width: 0; }
legend { font-weight: 600; padding: 0 .25rem; }
.control { margin: .25rem 0 .5rem; }
.control-head { display: flex; justify-content: space-between; gap: .5rem; align-items: baseline; flex-wrap: wrap; }
.control label { font-weight: 500; font-size: .9rem; }
.unit { color: #595959; font-size: .8rem; font-weight: 400; }
.value { font-weight: 600; white-space: nowrap; font-size: .9rem; }
.hint { color: #595959; font-size: .8rem; }
.control .hint { display: none; }
input[type=range] { width: 100%; margin: .2rem 0 0; accent-color: #0b57d0; min-height: 24px; }
.headline { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: .5rem; }
.figure { background: #f3f4f6; border-radius: 6px; padding: .45rem .6rem; }
.figure p { margin: 0; }
.figure-label { font-size: .8rem; color: #595959; }
.figure-value { font-size: 1.3rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.figure-note { font-size: .75rem; color: #595959; }
.sentence { font-size: .95rem; }
.legend { display: flex; flex-wrap: wrap; gap: .2rem .8rem; font-size: .75rem; margin: .25rem 0; }
.key { display: inline-flex; align-items: center; gap: .3rem; }
.chart-box { position: relative; width: 100%; }
.chart-box svg { display: block; max-width: 100%; height: auto; }
.tip { position: absolute; top: 6px; z-index: 2; background: #fff; border: 1px solid #767676; border-radius: 4px; padding: .3rem .45rem; font-size: .75rem; max-width: min(20rem, 90%); pointer-events: none; }
.tip[hidden] { display: none; }
.tip div { white-space: nowrap; }
.foot { font-size: .8rem; color: #595959; }
.notice { background: #fff4e5; border: 1px solid #b45309; border-radius: 6px; padding: .4rem .6rem; font-size: .85rem; }
.notice ul { margin: .2rem 0; padding-left: 1.1rem; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
`;
