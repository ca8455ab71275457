/**
 * Entry point of the in-editor suite, loaded by VS Code as `extensionTestsPath`: the same
 * `run(): Promise<void>` contract under @vscode/test-electron (desktop) and code-server (CI).
 * Compiled to out/e2e/suite/ by test/e2e/compileSuite.mjs.
 */
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Prefix of the summary line printed when the suite ends. */
export const SUMMARY_MARKER = 'carnk-e2e-summary';

/** Runs every `*.test.js` beside this file; rejects when any test fails. */
export async function run(): Promise<void> {
  // Generous per-test timeout: the first test also waits for the language server to start.
  const mocha = new Mocha({ ui: 'tdd', color: false, reporter: 'spec', timeout: 60_000 });
  const grep = process.env.CARNK_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) {
    mocha.addFile(join(__dirname, file));
  }
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // One line the code-server runner picks up to print its closing count (see runCodeServer.mjs).
      console.log(`${SUMMARY_MARKER} ${JSON.stringify({ passed: runner.stats?.passes ?? 0, failed: failures })}`);
      if (failures > 0) reject(new Error(`${failures} in-editor test(s) failed`));
      else resolve();
    });
  });
}
