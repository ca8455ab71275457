// Preloaded with `node --require` into a measured process (the CLI): on exit, writes the
// process's peak resident set size in KiB to the file named by CARNK_BENCH_RSS_FILE.
// Kept apart from stdout so that the measured program's output is untouched.
'use strict';
const { writeFileSync } = require('node:fs');

const target = process.env.CARNK_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    try {
      writeFileSync(target, String(process.resourceUsage().maxRSS));
    } catch {
      // the benchmark reports a missing measurement; the measured program must not fail
    }
  });
}
