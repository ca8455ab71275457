/**
 * One lint of one file in a fresh process, for the huge-paragraph measure: run by
 * `bench/run.mjs` after esbuild has bundled it, so that the process's peak memory is this
 * lint's alone. The service has neither a file-size limit nor a problem cap (those are the
 * server's), so this is the service "with both switched off".
 *
 * Usage: node hugeParagraph.cjs <file>
 * Prints one JSON object on stdout: { ms, problems, maxRssKiB }.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createTerminologyService } from '../server/src/service/index';

const file = process.argv[2];
if (!file) throw new Error('usage: hugeParagraph <file>');
const text = readFileSync(file, 'utf8');
const started = performance.now();
const problems = createTerminologyService().lint({ uri: 'file:///paragraph.md', version: 1, text }).length;
const ms = performance.now() - started;
process.stdout.write(JSON.stringify({ ms, problems, maxRssKiB: process.resourceUsage().maxRSS }));
