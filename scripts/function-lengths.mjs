#!/usr/bin/env node
// Lists functions longer than a limit (default 120 lines) in the TypeScript sources, using the
// TypeScript compiler's parser. Usage: node scripts/function-lengths.mjs [--limit N] [paths...]
// Exit code 1 when any function is over the limit. The suite checks it (test/unit/codeShape.test.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = new URL('..', import.meta.url).pathname;

/** Every `.ts` file under the given folders, sorted. */
function sourceFiles(dirs) {
  const found = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) found.push(path);
    }
  };
  for (const dir of dirs) walk(dir);
  return found.sort();
}

/** A readable name for a function-like node: its declared name, the variable or property it is assigned to, or `(anonymous)`. */
function nameOf(node) {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && ts.isIdentifier(parent.name)) return parent.name.text;
  return '(anonymous)';
}

/**
 * Functions (declarations, methods, arrows, function expressions, constructors, accessors) whose
 * body spans more than `limit` lines, as `{ file, line, name, lines }`.
 * @param {{ limit?: number, dirs?: string[] }} [options]
 */
export function longFunctions({ limit = 120, dirs = [join(root, 'server/src'), join(root, 'client/src')] } = {}) {
  const found = [];
  for (const file of sourceFiles(dirs)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (ts.isFunctionLike(node) && node.body) {
        const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
        const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        const lines = end - start + 1;
        if (lines > limit) found.push({ file: relative(root, file), line: start + 1, name: nameOf(node), lines });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--limit');
  const limit = at >= 0 ? Number(args[at + 1]) : 120;
  const dirs = args.filter((a, i) => a !== '--limit' && i !== at + 1).map((d) => join(process.cwd(), d));
  const found = longFunctions({ limit, ...(dirs.length > 0 ? { dirs } : {}) });
  for (const f of found) console.log(`${f.file}:${f.line}  ${f.name}  ${f.lines} lines`);
  console.log(`${found.length} function(s) over ${limit} lines`);
  process.exitCode = found.length > 0 ? 1 : 0;
}
