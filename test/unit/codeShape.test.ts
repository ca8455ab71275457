// Issue 16: no function in the server or client sources is longer than 120 lines
// (STYLE.md); scripts/function-lengths.mjs lists any that are, with the TypeScript parser.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { longFunctions } from '../../scripts/function-lengths.mjs';

test('no function in server/src or client/src is longer than 120 lines', () => {
  const long = longFunctions().map((f) => `${f.file}:${f.line} ${f.name} (${f.lines} lines)`);
  assert.deepEqual(long, []);
});

test('the check finds a long function (it is not vacuous)', () => {
  const found = longFunctions({ limit: 40 });
  assert.ok(found.length > 0, 'some function is over 40 lines');
  assert.ok(found.every((f) => f.lines > 40));
});
