// The hand-out's stylesheet: inline, no fonts or images to fetch, A4 when printed, cards kept whole.

export const HANDOUT_CSS = `
@page { size: A4; margin: 14mm 13mm 16mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 190mm; padding: 8mm 6mm; font: 10.5pt/1.45 system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1d232b; background: #fff; }
h1 { font-size: 20pt; margin: 0 0 2mm; }
h2 { font-size: 14pt; margin: 7mm 0 3mm; padding-bottom: 1mm; border-bottom: 2px solid #1d232b; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 12pt; margin: 0; display: flex; justify-content: space-between; gap: 4mm; align-items: baseline; }
h4 { font-size: 10.5pt; margin: 3mm 0 1mm; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 2mm; }
.summary { font-size: 12pt; }
.meta, .src, .muted { color: #5c677d; }
.src { display: block; font-size: 8.5pt; }
.warning { border: 2px solid #b00020; padding: 2mm 3mm; font-weight: 600; }
.top ol { margin: 0; padding-left: 6mm; }
.top li { margin: 0 0 2.5mm; padding: 2mm 3mm; border-left: 4px solid #b00020; background: #fbf1f2; break-inside: avoid; page-break-inside: avoid; }
table { width: 100%; border-collapse: collapse; font-size: 9.5pt; }
th, td { text-align: left; padding: 1mm 2mm; border-bottom: 1px solid #d5d9e0; vertical-align: top; }
th { background: #eef1f5; }
.card { border: 1px solid #c3c9d3; border-left: 5px solid #5c677d; border-radius: 2mm; padding: 3mm 4mm; margin: 0 0 4mm; break-inside: avoid; page-break-inside: avoid; }
.card dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 4mm; margin: 2mm 0; font-size: 9.5pt; }
.card dt { color: #5c677d; }
.card dd { margin: 0; overflow-wrap: anywhere; }
ul { margin: 0 0 2mm; padding-left: 5mm; }
li { margin: 0 0 1.5mm; break-inside: avoid; page-break-inside: avoid; }
.phase { font-weight: 600; margin: 2mm 0 0.5mm; break-after: avoid; page-break-after: avoid; }
.badge { font-size: 8.5pt; font-weight: 700; color: #fff; background: #5c677d; border-radius: 1mm; padding: 0.3mm 1.5mm; white-space: nowrap; }
.sev-critical { border-left-color: #b00020; } .badge.sev-critical { background: #b00020; }
.sev-high { border-left-color: #d9480f; } .badge.sev-high { background: #d9480f; }
.sev-medium { border-left-color: #b08900; } .badge.sev-medium { background: #9a7700; }
.sev-low { border-left-color: #2b8a3e; } .badge.sev-low { background: #2b8a3e; }
.sev-info, .sev-none { border-left-color: #5c677d; }
.evidence { font-size: 9pt; color: #3d4653; overflow-wrap: anywhere; }
#devices .card { break-inside: auto; page-break-inside: auto; font-size: 9pt; line-height: 1.35; padding: 2mm 3mm; margin-bottom: 3mm; }
#devices .card h4 { margin-top: 1.5mm; }
#devices .card ol { margin: 0 0 1mm; padding-left: 5mm; }
.overview { break-after: page; page-break-after: always; }
.overview h2 { margin-top: 5mm; }
figure { margin: 3mm 0 0; }
figcaption { font-weight: 600; margin-bottom: 1mm; }
.top li { font-size: 10pt; }
#checked li { margin-bottom: 0.8mm; }
.fine { margin-top: 2mm; }
.appendix { break-before: page; page-break-before: always; font-size: 8.5pt; line-height: 1.35; }
.appendix .columns { column-count: 2; column-gap: 6mm; }
.appendix .src { font-size: 7.5pt; }
.appendix h3 { font-size: 11pt; margin: 4mm 0 1.5mm; display: block; }
.appendix h4 { margin: 2.5mm 0 0.5mm; }
.evidence-block h4 { break-after: avoid; page-break-after: avoid; }
.appendix .evidence { font-size: 8pt; }
ul.small li { margin-bottom: 0.8mm; }
footer { margin-top: 8mm; font-size: 8.5pt; color: #5c677d; border-top: 1px solid #d5d9e0; padding-top: 2mm; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`;
