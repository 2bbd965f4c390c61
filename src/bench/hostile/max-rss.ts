// Preloaded into a scan (node --import) to write its peak resident memory to HOMEAUDIT_MAX_RSS_FILE on exit.

import { writeFileSync } from 'node:fs';

const file = process.env.HOMEAUDIT_MAX_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
