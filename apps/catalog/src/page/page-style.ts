// The page's stylesheet: system fonts, one column, colours that meet WCAG AA contrast (4.5:1 for text)
// on white, a visible focus ring for keyboard users, tables that scroll rather than overflow.
export const PAGE_STYLE = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #4a5561; --line: #d0d7de; --accent: #0b5cad; --ok: #116329; --bad: #a40e26; --warn: #7d4e00; --band: #f4f6f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible { outline: 3px solid #f0a400; outline-offset: 2px; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: .5rem; background: #fff; padding: .25rem .5rem; z-index: 10; }
header { background: var(--ink); color: #fff; padding: .5rem 1.5rem; display: flex; gap: 2rem; align-items: baseline; flex-wrap: wrap; }
header .brand { font-weight: 700; color: #fff; text-decoration: none; }
header nav ul { list-style: none; display: flex; gap: 1.25rem; margin: 0; padding: 0; }
header nav a { color: #fff; text-decoration: none; padding: .25rem 0; border-bottom: 2px solid transparent; }
header nav a[aria-current="page"] { border-bottom-color: #f0a400; }
main { padding: 1rem 1.5rem 3rem; max-width: 80rem; }
h1 { font-size: 1.5rem; margin: .5rem 0 1rem; word-break: break-all; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1rem; margin: 1.25rem 0 .5rem; }
.table-wrap { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; font-size: .9rem; }
caption { text-align: left; color: var(--muted); padding: .25rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .6rem; text-align: left; vertical-align: top; }
thead th { background: var(--band); position: sticky; top: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
th .type { display: block; font-weight: 400; color: var(--muted); font-size: .8rem; }
code, .mono { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85rem; }
.hash { word-break: break-all; }
.badge { display: inline-block; border-radius: .75rem; padding: 0 .55rem; font-size: .8rem; font-weight: 600; border: 1px solid currentColor; }
.ok { color: var(--ok); } .bad { color: var(--bad); } .warn { color: var(--warn); } .muted { color: var(--muted); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(22rem, 100%), 1fr)); gap: 1.25rem; }
figure { margin: 0; border: 1px solid var(--line); border-radius: .4rem; padding: .75rem; }
figcaption { font-weight: 600; margin-bottom: .5rem; }
.chart-box { position: relative; height: 16rem; }
.chart-box.tall { height: auto; }
details summary { cursor: pointer; color: var(--accent); margin-top: .5rem; }
nav.tabs ul { list-style: none; display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; margin: .5rem 0 1rem; }
nav.tabs a { display: inline-block; padding: .25rem .75rem; border: 1px solid var(--line); border-radius: .4rem; text-decoration: none; }
nav.tabs a[aria-current="page"] { background: var(--accent); color: #fff; border-color: var(--accent); }
nav.tabs a[aria-current="page"] .muted { color: #fff; }
#preview-table td { white-space: nowrap; max-width: 24rem; overflow: hidden; text-overflow: ellipsis; }
form.inline { display: flex; flex-wrap: wrap; gap: .75rem; align-items: flex-end; margin: .75rem 0; }
form.stacked { display: grid; grid-template-columns: max-content minmax(12rem, 24rem); gap: .6rem 1rem; align-items: center; margin: .75rem 0; }
form.stacked .actions { grid-column: 2; }
/* The hidden attribute wins over a form's own display (the draft page's steps appear in turn). */
[hidden] { display: none !important; }
textarea { font: inherit; width: 100%; }
form.questions label { display: block; font-weight: 600; margin: .9rem 0 .25rem; max-width: 48rem; }
form.questions input { width: min(40rem, 100%); }
form.questions .actions { margin-top: 1rem; }
#draft-recipe { overflow-x: auto; max-width: 100%; max-height: 32rem; background: var(--band); border: 1px solid var(--line); border-radius: .4rem; padding: .75rem; font-size: .85rem; }
label { font-weight: 600; }
form.inline label { display: flex; flex-direction: column; gap: .2rem; }
input, select, button { font: inherit; padding: .3rem .5rem; border: 1px solid #6e7781; border-radius: .3rem; background: #fff; color: var(--ink); }
/* A select as wide as its longest option (a target's URI) would push the page past a phone's width. */
input, select { max-width: 100%; min-width: 0; }
form.inline label { max-width: 100%; }
button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; }
button.secondary { background: #fff; color: var(--accent); }
button:disabled { opacity: .6; cursor: not-allowed; }
fieldset { border: 0; padding: 0; margin: 0; display: flex; gap: 1rem; }
legend { font-weight: 600; padding: 0; }
.pager { display: flex; gap: 1rem; align-items: center; margin: .5rem 0; }
.notice { border-left: 4px solid var(--accent); background: var(--band); padding: .5rem .75rem; margin: .75rem 0; }
.notice.error { border-left-color: var(--bad); }
label[for="build-progress"] { display: block; margin: .5rem 0 .25rem; }
progress { width: 100%; max-width: 40rem; height: 1.25rem; }
.status-line { font-size: 1.1rem; }
/* A phone's width: one column of form fields, less padding. */
@media (max-width: 40rem) {
  header, main { padding-left: 1rem; padding-right: 1rem; }
  header { gap: .5rem 2rem; }
  form.stacked { grid-template-columns: minmax(0, 1fr); }
  form.stacked .actions { grid-column: 1; }
  form.stacked > span:empty { display: none; }
}
`;
