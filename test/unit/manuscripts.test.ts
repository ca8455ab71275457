import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { RULES, createTerminologyService } from '../../server/src/service/index';

// Precision and recall on manuscripts written apart from the rules (issue 6, acceptance 2 and 3).
const root = join(__dirname, '..', '..');
const service = createTerminologyService();
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const lint = (path: string, text = read(path)) => service.lint({ uri: path, version: 0, text });

describe('test manuscripts', () => {
  test('planted defects: at least 90 % caught, no false positives', () => {
    const key = read('test/manuscripts/planted-defects.key.tsv')
      .trim()
      .split('\n')
      .slice(1)
      .map((row) => row.split('\t'))
      .map(([line, rule]) => ({ line: Number(line) - 1, rule: rule! }));
    assert.ok(key.length >= 25, 'the key lists at least 25 defects');
    const diagnostics = lint('test/manuscripts/planted-defects.md');
    const caught = key.filter((k) => diagnostics.some((d) => d.code === k.rule && d.range.start.line === k.line));
    const extra = diagnostics.filter((d) => !key.some((k) => d.code === k.rule && d.range.start.line === k.line));
    const recall = caught.length / key.length;
    console.log(`planted defects: ${caught.length}/${key.length} caught (recall ${recall.toFixed(3)}), ${extra.length} extra`);
    assert.ok(recall >= 0.9, `recall ${recall}: missed ${JSON.stringify(key.filter((k) => !caught.includes(k)))}`);
    assert.deepEqual(extra.map((d) => `${d.range.start.line + 1}:${d.code}: ${d.message}`), []);
  });

  test('clean manuscript: zero diagnostics', () => {
    const diagnostics = lint('test/manuscripts/clean.md');
    assert.deepEqual(diagnostics.map((d) => `${d.range.start.line + 1}:${d.code}: ${d.message}`), []);
  });

  test('example manuscript: every rule fires at least once', () => {
    const files = ['examples/car-nk-review.md', 'examples/short-report.qmd', 'examples/analysis-notes.Rmd'];
    const fired = new Set(files.flatMap((f) => lint(f).map((d) => d.code)));
    const expected = RULES.map((r) => r.id).filter((id) => id !== 'invalid-configuration');
    assert.deepEqual(expected.filter((id) => !fired.has(id)), []);
  });

  test('example manuscript: fixing the safe fixes leaves it clean for the fixed rules, and a second pass changes nothing', () => {
    const path = 'examples/car-nk-review.md';
    const before = lint(path);
    const safeRules = new Set(RULES.filter((r) => r.safeFix).map((r) => r.id));
    const fixedRules = new Set(before.filter((d) => d.data?.fixes?.[0]?.safe).map((d) => d.code));
    const { text, applied } = service.fixAll({ uri: path, version: 0, text: read(path) });
    assert.ok(applied >= 5, `applied ${applied} fixes`);
    const after = lint(path, text).filter((d) => fixedRules.has(d.code) && d.data?.fixes?.[0]?.safe);
    assert.deepEqual(after.map((d) => `${d.range.start.line + 1}:${d.code}: ${d.message}`), []);
    assert.equal(service.fixAll({ uri: path, version: 1, text }).text, text, 'idempotent');
    for (const id of fixedRules) assert.ok(safeRules.has(id));
  });
});
