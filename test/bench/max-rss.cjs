// Preloaded by the bench (node --require) to report what a process cost: at exit
// it writes one line of JSON to the file named by SEAMS_BENCH_RSS_FILE with its
// peak resident memory (process.resourceUsage().maxRSS, KB) and its own CPU time
// (user and system, µs). CPU time is what a shared machine's load disturbs least.
'use strict';
process.on('exit', () => {
  const usage = process.resourceUsage();
  const line = JSON.stringify({ maxRSS: usage.maxRSS, user: usage.userCPUTime, system: usage.systemCPUTime });
  require('node:fs').writeFileSync(process.env.SEAMS_BENCH_RSS_FILE, line);
});
