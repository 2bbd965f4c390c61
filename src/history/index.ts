export { HistoryStore, HistoryError, worstRisk, type ScanSummary, type StoredScan, type RememberedAnswer } from './store.js';
export { diffScans, type ScanDiff } from './diff.js';
export { resolveDataDir, retentionDays } from './data-dir.js';
