// The report's inline style sheet: plain on screen, black on white when printed, one section per printed page.
import { ink } from "./palette.ts";

export const reportStyles = `
@page { size: A4; margin: 15mm; }
*, *::before, *::after { box-sizing: border-box; }
html { background: #FFFFFF; }
body {
  margin: 0 auto; padding: 24px; max-width: 1000px; background: #FFFFFF; color: ${ink};
  font: 15px/1.45 'Liberation Sans', Arial, Helvetica, sans-serif;
}
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 0 0 10px; padding-bottom: 4px; border-bottom: 2px solid ${ink}; }
h3 { font-size: 16px; margin: 16px 0 6px; }
p { margin: 6px 0; }
.meta { color: #444444; }
.notice { border-left: 4px solid #0072B2; padding: 6px 12px; background: #F2F7FB; }
section { margin: 28px 0; }
figure { margin: 12px 0; }
figcaption { font-size: 13px; color: #444444; margin-top: 4px; }
svg.chart { display: block; max-width: 100%; height: auto; }
dl.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 12px; margin: 0; }
dl.figures > div { border: 1px solid #CCCCCC; padding: 10px 12px; }
dl.figures dt { font-size: 13px; color: #444444; }
dl.figures dd { margin: 2px 0 0; font-size: 22px; font-weight: bold; }
dl.figures dd .detail, dl.figures dd .change {
  display: block; font-size: 13px; line-height: 1.35; font-weight: normal; color: #444444; margin-top: 2px;
}
dl.figures dd .change { margin-top: 6px; }
ul.states { columns: 2; margin: 6px 0; padding-left: 20px; }
.group-notes { font-size: 13px; color: #444444; }
dl.group-notes { margin: 4px 0; }
dl.group-notes dt { font-weight: bold; margin-top: 4px; }
dl.group-notes dd { margin: 0 0 0 20px; }
.table-scroll { overflow-x: auto; margin: 8px 0; }
.table-scroll:focus-visible { outline: 2px solid #0072B2; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; margin: 0; font-size: 14px; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
th, td { border: 1px solid #CCCCCC; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #F0F0F0; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
@media print {
  body { padding: 0; max-width: none; font-size: 11pt; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .notice, th { background: #FFFFFF; }
  .table-scroll { overflow: visible; }
  section { margin: 0; break-before: page; }
  section.first { break-before: auto; }
  figure, tr, dl.figures > div { break-inside: avoid; }
  h2, h3, caption { break-after: avoid; }
  thead { display: table-header-group; }
}
`;
