// The end every derive script shares: with --check, compare the committed file with what the
// sources give and exit 1 when they differ; otherwise write it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

/** Writes `output` to `target`, or with `--check` in `argv` only compares; `what` names the content in the messages. */
export function writeOrCheck(target: string, output: string, what: string, argv: readonly string[] = process.argv): void {
  const name = relative(process.cwd(), target) || target;
  if (argv.includes('--check')) {
    const committed = existsSync(target) ? readFileSync(target, 'utf8') : '';
    if (committed !== output) {
      console.error(`${name} differs from what its sources give (${what}); run the derive script to rewrite it`);
      process.exit(1);
    }
    console.log(`${name} matches (${what})`);
    return;
  }
  writeFileSync(target, output);
  console.log(`wrote ${name}: ${what}`);
}
