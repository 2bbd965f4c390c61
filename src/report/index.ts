// The report stage's public seam.
export { toJsonReport, TOOL_NAME, type JsonReportOptions } from './json.js';
export { toAnonymizedReport } from './anonymize.js';
export { toMarkdown } from './markdown.js';
export { toHtml } from './html.js';
export { toPlainSummary } from './summary.js';
export { writeReports, writeAtomically, assertReportTargets, ReportTargetError, ReportWriteError, type WriteReportsOptions, type ReportFormat } from './write.js';
export { buildReportView, type ReportView } from './view.js';
export { escapeHtml, escapeMarkdown } from './escape.js';
export type { JsonReport, JsonDevice, JsonFinding, JsonAdvice, JsonStats } from './types.js';
