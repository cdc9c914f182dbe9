// The portal pages' one style sheet, inline in each page: cards in one column on a phone and two
// from 640 px, nothing wider than the screen (long ids wrap; a labelled table's rows become
// cards of labelled lines on a phone), text at 4.5:1 contrast or more on
// its background (the muted grey on white is 8:1, the status colours on their tints 6.9:1 or
// more), and a print that drops the backgrounds.

export const PORTAL_STYLE = `
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; background: #f3f4f6; color: #1d1d1f; overflow-wrap: break-word;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.page { max-width: 1080px; margin: 0 auto; padding: 16px 16px 40px; }
.page-head { margin: 4px 0 16px; }
.eyebrow { margin: 0; color: #4a4f57; font-size: 14px; text-transform: uppercase; letter-spacing: 0.04em; }
h1 { font-size: 26px; line-height: 1.2; margin: 2px 0 4px; }
h2 { font-size: 18px; line-height: 1.3; margin: 0 0 10px; }
h3 { font-size: 16px; margin: 14px 0 6px; }
p { margin: 0 0 8px; }
.muted { color: #4a4f57; }
.cards { display: grid; grid-template-columns: minmax(0, 1fr); gap: 14px; }
.card { background: #ffffff; border: 1px solid #d5d9df; border-radius: 10px; padding: 16px 18px; min-width: 0; }
.headline { font-size: 22px; font-weight: 650; margin: 0 0 2px; }
.lead { font-size: 17px; font-weight: 600; margin: 0 0 8px; }
.figure { font-size: 30px; font-weight: 700; line-height: 1.1; margin: 4px 0; }
.chip { display: inline-block; border-radius: 999px; padding: 2px 10px; font-size: 14px; font-weight: 600; }
.chip-good { background: #e3f3e7; color: #175227; }
.chip-at-risk { background: #fbe6e3; color: #8a1f11; }
.chip-waitlisted { background: #fdf2d3; color: #5f4500; }
.notice { border-radius: 8px; padding: 10px 12px; margin: 12px 0 0; }
.notice h3 { margin-top: 0; }
.notice-risk { background: #fbe6e3; color: #5c1409; }
.notice-queue { background: #fdf2d3; color: #4d3800; }
.banner { background: #e8f0fa; color: #163d66; border-radius: 8px; padding: 10px 12px; margin: 0 0 10px; }
.unlocking { border-left: 4px solid #2b64a0; padding: 2px 0 2px 10px; font-style: italic; }
.bar { height: 16px; background: #e1e4e9; border-radius: 8px; overflow: hidden; margin: 6px 0; }
.bar-fill { height: 100%; background: #2b64a0; border-radius: 8px 0 0 8px; }
.bar-caption { font-size: 14px; color: #4a4f57; }
ul.plain { list-style: none; padding: 0; margin: 0; }
ul.plain > li { padding: 8px 0; border-top: 1px solid #e6e8ec; }
ul.plain > li:first-child { border-top: 0; }
.requirement { display: grid; grid-template-columns: 1.6em minmax(0, 1fr); column-gap: 6px; }
.mark { font-weight: 700; }
.met .mark { color: #175227; }
.unmet .mark { color: #8a1f11; }
.state { font-size: 14px; font-weight: 600; }
.met .state { color: #175227; }
.unmet .state { color: #8a1f11; }
.detail { font-size: 14px; color: #4a4f57; }
.badges { display: flex; flex-wrap: wrap; gap: 8px; list-style: none; padding: 0; margin: 0 0 8px; }
.badge { border: 1px solid #c9d6e6; background: #f2f6fb; border-radius: 8px; padding: 6px 10px; }
.badge strong { display: block; }
dl.figures { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 4px 12px; margin: 0 0 10px; }
dl.figures dt { color: #4a4f57; }
dl.figures dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; margin: 4px 0 12px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid #e6e8ec; }
thead th { background: #f3f4f6; font-size: 14px; }
td, tbody th { overflow-wrap: anywhere; }
.boards { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 4px 16px; }
td.right, th.right { text-align: right; }
details { margin: 6px 0; }
summary { cursor: pointer; font-weight: 600; padding: 4px 0; }
svg { display: block; max-width: 100%; height: auto; margin: 4px 0 12px; }
svg text { font: 13px system-ui, sans-serif; fill: #1d1d1f; }
@media (max-width: 639.98px) {
  table.labelled thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  table.labelled tr { display: block; border-bottom: 1px solid #e6e8ec; padding: 6px 0; }
  table.labelled td, table.labelled tbody th { display: grid; grid-template-columns: 7.5em minmax(0, 1fr);
    column-gap: 8px; border: 0; padding: 2px 0; text-align: left; }
  table.labelled td::before, table.labelled tbody th::before { content: attr(data-label); color: #4a4f57;
    font-weight: 400; }
}
@media (min-width: 640px) {
  .page { padding: 24px 28px 48px; }
  .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .wide { grid-column: 1 / -1; }
}
@media print {
  body { background: #ffffff; }
  .card { border-color: #999999; break-inside: avoid; }
}
`;
