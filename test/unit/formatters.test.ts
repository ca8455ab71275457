import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatLintJson, formatSarif, formatStylish, jsonChunks, lintJsonChunks, sarifChunks, stylishChunks, type FileDiagnostics } from '../../server/src/cli/formatters';
import type { TerminologyDiagnostic } from '../../server/src/service/index';

// The CLI writes its output in pieces as they are made (a file may have hundreds of thousands
// of problems); the pieces must add up to exactly what one JSON.stringify or one join gave.

function diagnostic(line: number, character: number, severity: TerminologyDiagnostic['severity'], message: string): TerminologyDiagnostic {
  return {
    code: 'redefined-abbreviation',
    severity,
    message,
    range: { start: { line, character }, end: { line, character: character + 2 } },
    start: character,
    end: character + 2,
    data: { key: 'NK', fixes: [{ title: 'fix', safe: true, edits: [] }] },
  };
}

/** What `carnk lint --format json` printed before its output was streamed. */
function wholeLintJson(results: FileDiagnostics[]): string {
  const out = results.map((r) => ({ file: r.file, diagnostics: r.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range })) }));
  return JSON.stringify(out, null, 2);
}

const many = Array.from({ length: 3000 }, (_, i) => diagnostic(i % 7, i, i % 3 === 0 ? 'error' : i % 3 === 1 ? 'warning' : 'hint', `'NK' "quoted" \\ line ${i} — γ`));
const cases: Record<string, FileDiagnostics[]> = {
  'no files': [],
  'one file without problems': [{ file: 'a.md', diagnostics: [] }],
  'files with and without problems': [
    { file: 'a.md', diagnostics: [diagnostic(0, 4, 'warning', 'one')] },
    { file: 'b "quoted".md', diagnostics: [] },
    { file: 'c.md', diagnostics: many },
  ],
};

describe('streamed CLI output', () => {
  for (const [name, results] of Object.entries(cases)) {
    test(`lint JSON, ${name}: the pieces are JSON.stringify of the whole`, () => {
      const pieces = [...lintJsonChunks(results)];
      assert.equal(pieces.join(''), wholeLintJson(results));
      assert.equal(formatLintJson(results), wholeLintJson(results));
      if (results.some((r) => r.diagnostics.length > 1000)) assert.ok(pieces.length > 2, 'a large array comes in several pieces');
    });

    test(`SARIF and stylish, ${name}: the pieces join to the whole`, () => {
      assert.equal([...sarifChunks(results, '1.0.0', '/work')].join(''), formatSarif(results, '1.0.0', '/work'));
      const sarif = JSON.parse(formatSarif(results, '1.0.0', '/work'));
      assert.equal(sarif.runs[0].results.length, results.reduce((n, r) => n + r.diagnostics.length, 0));
      assert.equal([...stylishChunks(results)].join(''), formatStylish(results));
    });
  }

  test('jsonChunks puts each array where its marker stands, at any depth, empty or not', () => {
    const hole = (index: number) => `\u0000carnk-stream-${index}\u0000`;
    const arrays = [[1, { a: [2, { b: 'x\ny' }] }], [], [[], {}, 'z']];
    const skeleton = { top: hole(0), nested: { deeper: [hole(1), { here: hole(2) }] }, after: true };
    const whole = { top: arrays[0], nested: { deeper: [arrays[1], { here: arrays[2] }] }, after: true };
    assert.equal([...jsonChunks(skeleton, arrays)].join(''), JSON.stringify(whole, null, 2));
    assert.equal([...jsonChunks(hole(0), [[1, 2]])].join(''), JSON.stringify([1, 2], null, 2));
  });

  test('stylish pads columns to the widest row of each file, without keeping the rows', () => {
    const text = formatStylish([{ file: 'a.md', diagnostics: [diagnostic(0, 0, 'hint', 'short'), diagnostic(9, 99, 'warning', 'wide')] }]);
    assert.deepEqual(text.split('\n'), ['a.md', '  1:1     hint     short  redefined-abbreviation', '  10:100  warning  wide  redefined-abbreviation', '', '\u2716 2 problems (0 errors, 1 warning, 1 other)']);
  });
});
