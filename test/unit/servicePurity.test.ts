import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { test } from 'node:test';

// Architecture invariant (ARCHITECTURE.md): the terminology service imports no Node
// built-in, no `vscode`, no LSP connection, and uses no timers or process state.
const serviceRoot = join(__dirname, '..', '..', 'server', 'src', 'service');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

const forbiddenModules = new Set([...builtinModules, 'vscode', 'vscode-languageserver', 'vscode-languageserver/node', 'vscode-languageclient', 'vscode-languageclient/node']);
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g;
const FORBIDDEN_GLOBALS = /\b(?:process\.|setTimeout|setInterval|setImmediate|__dirname|__filename)\b/;

test('the service layer imports no Node built-in, vscode or connection, and uses no timers', () => {
  const files = sourceFiles(serviceRoot);
  assert.ok(files.length > 5, 'service sources found');
  const problems: string[] = [];
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3] ?? '';
      const bare = specifier.replace(/^node:/, '');
      if (specifier.startsWith('node:') || forbiddenModules.has(bare) || forbiddenModules.has(bare.split('/')[0]!)) {
        problems.push(`${relative(serviceRoot, file)} imports '${specifier}'`);
      }
    }
    const withoutComments = source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
    const global = FORBIDDEN_GLOBALS.exec(withoutComments);
    if (global) problems.push(`${relative(serviceRoot, file)} uses '${global[0]}'`);
  }
  assert.deepEqual(problems, []);
});

// Issue 16: the model owns its ideas (scope definitions, definition spans, gene context, scope
// names, knowledge look-ups), so the editor features and the model itself never read the rules.
function importsOfRules(folder: string): string[] {
  const problems: string[] = [];
  for (const file of sourceFiles(join(serviceRoot, folder))) {
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3] ?? '';
      if (/(?:^|\/)rules(?:\/|$)/.test(specifier)) problems.push(`${relative(serviceRoot, file)} imports '${specifier}'`);
    }
  }
  return problems;
}

test('features/ imports nothing from rules/', () => {
  assert.deepEqual(importsOfRules('features'), []);
});

test('model/ imports nothing from rules/', () => {
  assert.ok(sourceFiles(join(serviceRoot, 'model')).length > 5, 'model sources found');
  assert.deepEqual(importsOfRules('model'), []);
});
