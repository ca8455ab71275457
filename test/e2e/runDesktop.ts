/**
 * Runs the same in-editor suite in desktop VS Code through @vscode/test-electron, for contributors
 * whose machine can download VS Code (CI cannot: it is offline and uses runCodeServer.mjs instead).
 *
 *   npm run build && npx tsx test/e2e/runDesktop.ts
 *
 * On Linux without a display, wrap it in `xvfb-run -a`. The first run downloads VS Code 1.100.3
 * into .vscode-test/ (the version code-server 4.100.3 embeds, so both runners test the same editor).
 */
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error -- plain ESM helper without type declarations; it returns the compiled index path.
import { compileSuite } from './compileSuite.mjs';

/** The VS Code release both runners use. */
export const VSCODE_VERSION = '1.100.3';

/** Compiles the suite, opens a copy of examples/ with a fresh profile, and runs the tests. */
export async function runDesktop(): Promise<number> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const extensionTestsPath = (await compileSuite()) as string;
  const stateDir = mkdtempSync(join(tmpdir(), 'carnk-e2e-desktop-'));
  const workspace = join(stateDir, 'workspace');
  cpSync(join(root, 'examples'), workspace, { recursive: true });
  try {
    return await runTests({
      version: VSCODE_VERSION,
      extensionDevelopmentPath: root,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(stateDir, 'user-data'), '--skip-welcome', '--skip-release-notes'],
    });
  } finally {
    rmSync(stateDir, { recursive: true, force: true });
  }
}

runDesktop().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('desktop in-editor tests failed:', error);
    process.exitCode = 1;
  },
);
