#!/usr/bin/env node
// Runs the TextMate grammar tests (test/grammar/*.test.md) offline: regenerates our injection
// grammar, then tokenizes each test case with VS Code's Markdown grammar as shipped in the
// `tm-grammars` package plus the YAML and HTML grammars it embeds, and our injection as declared in
// package.json (`contributes.grammars`, so the real contribution is what gets tested).
// The embedded code-block languages are not loaded; their "grammar not found" warnings are dropped.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGrammar } from '../../scripts/build-grammar.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(join(root, 'package.json'));
const hostGrammars = ['markdown', 'yaml', 'html-derivative', 'html'].map((name) =>
  relative(root, require.resolve(`tm-grammars/grammars/${name}.json`)),
);
const runner = join(dirname(require.resolve('vscode-tmgrammar-test/package.json')), 'dist', 'unit.js');
const testCases = readdirSync(join(root, 'test', 'grammar'))
  .filter((name) => name.endsWith('.test.md'))
  .map((name) => join('test', 'grammar', name));

buildGrammar({ root, log: (line) => console.log(line) });
const result = spawnSync(process.execPath, [runner, '--config', 'package.json', ...hostGrammars.flatMap((g) => ['-g', g]), ...testCases], {
  cwd: root,
  encoding: 'utf8',
});
const keep = (text) => text.split('\n').filter((line) => !line.startsWith('grammar not found for')).join('\n');
process.stdout.write(keep(result.stdout ?? ''));
process.stderr.write(keep(result.stderr ?? ''));
if (result.error) console.error(result.error.message);
process.exit(result.status ?? 1);
