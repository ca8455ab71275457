// Compiles the in-editor mocha suite (test/e2e/suite/*.ts) to CommonJS in out/e2e/suite/, one file
// per source, so VS Code can `require` it as extensionTestsPath. `vscode` and `mocha` stay external:
// the extension host provides the first, the repository's node_modules the second.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Folder of the compiled suite; its index.js is the `extensionTestsPath`. */
export const COMPILED_SUITE_DIR = join(root, 'out', 'e2e', 'suite');

/** Compiles the suite and returns the path of its entry point. */
export async function compileSuite() {
  const sourceDir = join(root, 'test', 'e2e', 'suite');
  rmSync(COMPILED_SUITE_DIR, { recursive: true, force: true });
  await build({
    entryPoints: readdirSync(sourceDir).filter((name) => name.endsWith('.ts')).map((name) => join(sourceDir, name)),
    outdir: COMPILED_SUITE_DIR,
    bundle: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return join(COMPILED_SUITE_DIR, 'index.js');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(await compileSuite());
}
