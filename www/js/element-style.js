// Styles of the embeddable calculator, applied inside its shadow root (no global CSS).
// Sizes are in em of the host's own font size, which does not follow the article's; an
// article themes the calculator through these custom properties (docs/embedding.md):
//   --dprk-labor-font         font family        (system-ui)
//   --dprk-labor-font-size    base size          (16px)
//   --dprk-labor-accent       links, sliders, focus (#0b57d0)
//   --dprk-labor-ink          text               (#1b1b1b)
//   --dprk-labor-background   background         (#fff)
export const CSS = `
:host {
  --accent: var(--dprk-labor-accent, #0b57d0);
  --ink: var(--dprk-labor-ink, #1b1b1b);
  --muted: #595959;
  display: block; container-type: inline-size;
  font: normal 400 var(--dprk-labor-font-size, 16px) / 1.4 var(--dprk-labor-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  letter-spacing: normal; text-transform: none; text-align: left;
  color: var(--ink); background: var(--dprk-labor-background, #fff);
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.calc { border: 1px solid #c8c8c8; border-radius: .5em; padding: .75em; }
h2 { font-size: 1.1em; line-height: 1.25; margin: 0 0 .5em; font-weight: 700; }
p { margin: .3em 0; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.grid { display: grid; gap: .75em; grid-template-columns: minmax(0, 1fr); }
@container (min-width: 700px) { .grid { grid-template-columns: minmax(0, 1fr) minmax(220px, 300px); } }
.row { display: flex; gap: .5em; align-items: center; flex-wrap: wrap; margin: 0 0 .4em; font-size: .9em; }
select, button { font: inherit; color: var(--ink); border: 1px solid #767676; border-radius: 4px; padding: .25em .4em; background: #fff; min-height: 30px; max-width: 100%; }
fieldset { border: 1px solid #c8c8c8; border-radius: 6px; margin: 0 0 .5em; padding: .4em .6em; min-width: 0; }
legend { font-weight: 600; padding: 0 .25em; font-size: .9em; }
.control { margin: .25em 0 .5em; }
.control-head { display: flex; justify-content: space-between; gap: .5em; align-items: baseline; flex-wrap: wrap; }
.control label { font-weight: 500; font-size: .9em; }
.unit { color: var(--muted); font-size: .85em; font-weight: 400; }
.value { font-weight: 600; white-space: nowrap; font-size: .9em; font-variant-numeric: tabular-nums; }
.hint { color: var(--muted); font-size: .8em; }
.control .hint, .compact .spark, .compact .by-year { display: none; }
.spark { display: block; max-width: 100%; height: auto; margin-top: .2em; }
.by-year { color: var(--muted); font-size: .75em; margin: .1em 0; }
.live { font-size: .85em; font-weight: 600; font-variant-numeric: tabular-nums; margin: .15em 0; }
.live[hidden] { display: none; }
@container (min-width: 700px) { .live { display: none; } }
input[type=range] { width: 100%; margin: .2em 0 0; accent-color: var(--accent); min-height: 24px; }
.headline { display: grid; grid-template-columns: repeat(auto-fit, minmax(9em, 1fr)); gap: .5em; }
.figure { background: #f3f4f6; border-radius: 6px; padding: .45em .6em; }
.figure p { margin: 0; }
.figure-label { font-size: .8em; color: var(--muted); }
.figure-value { font-size: 1.35em; font-weight: 700; font-variant-numeric: tabular-nums; }
.figure-note { font-size: .75em; color: var(--muted); }
.sentence { font-size: .95em; }
.legend { display: flex; flex-wrap: wrap; gap: .2em .8em; font-size: .75em; margin: .25em 0; }
.key { display: inline-flex; align-items: center; gap: .3em; }
.chart-box { position: relative; width: 100%; }
.chart-box svg { display: block; max-width: 100%; height: auto; }
.tip { position: absolute; top: 6px; z-index: 2; background: #fff; border: 1px solid #767676; border-radius: 4px; padding: .3em .45em; font-size: .75em; max-width: min(20em, 90%); pointer-events: none; }
.tip[hidden] { display: none; }
.tip div { white-space: nowrap; }
.foot { font-size: .8em; color: var(--muted); margin-top: .5em; }
.calibration { font-size: .8em; }
.notice { background: #fff4e5; border: 1px solid #b45309; border-radius: 6px; padding: .4em .6em; font-size: .85em; }
.notice ul { margin: .2em 0; padding-left: 1.1em; }
.load-error { background: #fff4e5; border: 1px solid #b45309; border-radius: 6px; padding: .6em .8em; }
.effect { font-size: .85em; margin: .2em 0; }
.effect.blocked { border-left: 3px solid #b45309; padding-left: .5em; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
`;
