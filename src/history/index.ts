export { HistoryStore, HistoryError, worstRisk, type ScanSummary, type StoredScan } from './store.js';
export { diffScans, type ScanDiff } from './diff.js';
export { resolveDataDir, retentionDays } from './data-dir.js';
