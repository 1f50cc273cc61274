// Preloaded by the bench (node --require) to report a process's peak resident
// memory: at exit it writes process.resourceUsage().maxRSS (KB) to the file
// named by SEAMS_BENCH_RSS_FILE.
'use strict';
process.on('exit', () => {
  require('node:fs').writeFileSync(process.env.SEAMS_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
