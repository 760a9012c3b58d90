// The dashboard's stylesheet, inlined into the page under a CSP hash. System fonts only: the page
// loads nothing. Colours keep a 4.5:1 contrast on white; the three right types differ by more than
// colour in the charts' tables and titles.
export const STYLESHEET = `
:root { --ink: #1b1f24; --muted: #4f5863; --line: #d5dae0; --paper: #ffffff; --wash: #f3f5f8;
  --accent: #0b5cad; --warn: #a33a00; --legal: #0b5cad; --sector: #2f7d32; --employer: #8a4baf;
  color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: var(--wash); }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid #f0a500; outline-offset: 2px; }
h1[tabindex]:focus, h1[tabindex]:focus-visible { outline: none; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .75rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.skip { position: absolute; left: -999px; top: 0; background: var(--paper); padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: .5rem; }
header#banner { background: var(--paper); border-bottom: 1px solid var(--line); padding: .75rem 1.5rem;
  display: flex; flex-wrap: wrap; gap: .75rem 2rem; align-items: center; }
.identity p { margin: 0; }
.app-title { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.company { font-weight: 600; }
.meta { font-size: .85rem; color: var(--muted); }
nav.site ul { list-style: none; display: flex; gap: 1rem; margin: 0; padding: 0; }
nav.site a { text-decoration: none; padding: .25rem 0; border-bottom: 3px solid transparent; }
nav.site a[aria-current="page"] { border-bottom-color: var(--accent); font-weight: 600; }
form.search { position: relative; display: flex; flex-direction: column; min-width: 16rem; flex: 1 1 16rem; max-width: 26rem; }
form.search label, .language label, .filters label { font-size: .8rem; color: var(--muted); }
input[type="search"], select { font: inherit; padding: .35rem .5rem; border: 1px solid #8a949e; border-radius: 4px; background: var(--paper); color: var(--ink); }
.search-results { position: absolute; top: 100%; left: 0; right: 0; z-index: 5; margin: 2px 0 0; padding: 0; list-style: none;
  background: var(--paper); border: 1px solid var(--line); border-radius: 4px; box-shadow: 0 4px 12px rgba(0,0,0,.12); }
.search-results a { display: flex; justify-content: space-between; gap: 1rem; padding: .4rem .6rem; text-decoration: none; color: var(--ink); }
.search-results a:hover, .search-results a:focus { background: #e6eef8; }
.search-results .more { padding: .4rem .6rem; color: var(--muted); font-size: .85rem; }
.result-inss { color: var(--muted); font-variant-numeric: tabular-nums; }
.language { display: flex; flex-direction: column; }
main { display: block; max-width: 76rem; margin: 0 auto; padding: 1.5rem; }
main:focus { outline: none; }
footer#footer { max-width: 76rem; margin: 0 auto; padding: 0 1.5rem 2rem; color: var(--muted); font-size: .85rem; }
.tiles { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: .75rem; }
.tile { display: flex; flex-direction: column; gap: .25rem; height: 100%; padding: .9rem 1rem; background: var(--paper);
  border: 1px solid var(--line); border-radius: 8px; text-decoration: none; color: var(--ink); }
.tile:hover { border-color: var(--accent); }
.tile-label { font-size: .9rem; color: var(--muted); }
.tile-value { font-size: 1.7rem; font-weight: 650; font-variant-numeric: tabular-nums; }
.tile-detail { font-size: .85rem; color: var(--muted); }
.tile-alert { border-left: 5px solid var(--warn); }
.tile-alert .tile-value { color: var(--warn); }
.bar { display: block; height: 8px; border-radius: 4px; background: #e2e6eb; overflow: hidden; margin-top: .25rem; }
.bar-fill { display: block; height: 100%; background: var(--accent); }
.recent { list-style: none; margin: 0; padding: 0; display: grid; gap: .4rem; }
details.training { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: .5rem .8rem; }
details.training summary { cursor: pointer; }
.training-title { font-weight: 600; }
.badge { display: inline-block; margin-left: .5rem; padding: 0 .4rem; border-radius: 3px; background: #e2e6eb; font-size: .8rem; }
.badge-warning { background: #fde7da; color: #7a2b00; }
.training-facts dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .75rem 0; }
.training-facts dt { color: var(--muted); }
.training-facts dd { margin: 0; }
table { border-collapse: collapse; background: var(--paper); }
th, td { padding: .35rem .6rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th.number, td.number { text-align: right; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
.table-scroll { overflow-x: auto; }
table.data { width: 100%; }
button { font: inherit; }
button.sort { border: 0; background: none; padding: 0; font-weight: 600; cursor: pointer; color: var(--ink); text-align: inherit; }
.pager { display: flex; gap: 1rem; align-items: center; justify-content: space-between; margin: .75rem 0; }
.pager button { padding: .3rem .8rem; border: 1px solid #8a949e; border-radius: 4px; background: var(--paper); color: var(--ink); cursor: pointer; }
.pager button:disabled { color: #6b7480; cursor: default; }
.filters { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: .25rem 1rem; align-items: end; margin-bottom: .5rem; }
.filters label { grid-row: 1; }
.filters input, .filters select { grid-row: 2; }
.count { color: var(--muted); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 1rem; }
figure.chart { margin: 0; padding: .75rem 1rem; background: var(--paper); border: 1px solid var(--line); border-radius: 8px; }
figure.chart figcaption { font-weight: 600; margin-bottom: .5rem; }
.chart-svg { width: 100%; max-width: 48rem; height: auto; display: block; }
.chart-svg .grid { stroke: #e2e6eb; }
.chart-svg .axis { font-size: 12px; fill: var(--muted); }
.type-legal { fill: var(--legal); background: var(--legal); }
.type-sector { fill: var(--sector); background: var(--sector); }
.type-employer { fill: var(--employer); background: var(--employer); }
.legend { list-style: none; display: flex; gap: 1rem; padding: 0; margin: .25rem 0; font-size: .85rem; }
.swatch { display: inline-block; width: .8rem; height: .8rem; margin-right: .35rem; border-radius: 2px; vertical-align: -1px; }
.chart-table summary { cursor: pointer; color: var(--accent); font-size: .9rem; }
.worker-top { display: flex; flex-wrap: wrap; gap: 2rem; align-items: center; }
.arc-figure { margin: 0; text-align: center; }
.arc { width: 180px; height: 180px; }
.arc circle { fill: none; stroke-width: 18; }
.arc-remaining { stroke: #cfe0f3; }
.arc-used { stroke: var(--accent); }
.arc-value { font-size: 20px; font-weight: 650; fill: var(--ink); }
.arc-label { font-size: 12px; fill: var(--muted); }
.inss { color: var(--muted); font-variant-numeric: tabular-nums; }
.error { color: var(--warn); font-weight: 600; }
.index-list { list-style: none; padding: 0; display: grid; gap: .5rem; }
.index-list a { display: block; padding: .75rem 1rem; background: var(--paper); border: 1px solid var(--line); border-radius: 6px; }
@media print {
  body { background: #fff; font-size: 11pt; }
  header#banner { border: 0; padding: 0 0 .5rem; }
  nav.site, form.search, .language, .skip, .pager, .filters, .search-results, .chart-table summary { display: none !important; }
  main { max-width: none; padding: 0; }
  .tile, figure.chart, details.training { break-inside: avoid; border-color: #999; }
  .tiles { grid-template-columns: repeat(3, 1fr); }
  .chart-table > table { display: table; }
  a { color: inherit; text-decoration: none; }
  .bar-fill, .type-legal, .type-sector, .type-employer { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
