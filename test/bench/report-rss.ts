/**
 * Preloaded (`node --require`) into a process the benchmark measures: at exit, writes the
 * process's peak resident set size in KiB to the file named by LOGIX_BENCH_RSS_FILE.
 */
import { writeFileSync } from 'node:fs';

const file = process.env['LOGIX_BENCH_RSS_FILE'];
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
