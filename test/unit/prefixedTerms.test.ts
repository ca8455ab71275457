import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTerminologyService } from '../../server/src/service/index';

const service = createTerminologyService();

/** The definitions suggested for undefined abbreviations in `text`, as `token -> suggestion`, and whether `--fix` would apply one. */
function definitionFixes(text: string): string[] {
  const uri = 'prefixed.md';
  const document = { uri, version: 1, text };
  const applied = service.fixAll(document, {}, { safeOnly: true }).applied > 0;
  return service
    .lint(document)
    .filter((d) => d.code === 'undefined-abbreviation')
    .map((d) => `${text.slice(d.start, d.end)} -> ${/e\.g\. '([^']+)'/u.exec(d.message)?.[1] ?? 'none'}${applied ? ' (applied)' : ''}`);
}

describe('a source prefix on a known term', () => {
  test('suggests the term spelt out with its source, never as a safe fix', () => {
    assert.deepEqual(definitionFixes('# Methods\n\nWe added rhIL-15 daily, and rhIL-15 again.\n'), [
      'rhIL-15 -> recombinant human interleukin-15 (rhIL-15)',
    ]);
  });

  test('gives nothing for a prefix on a term with no known expansion, or on lower case', () => {
    assert.deepEqual(definitionFixes('# Methods\n\nThe hQZX7 and rhQZX7 lines grew.\n'), ['hQZX7 -> none', 'rhQZX7 -> none']);
  });
});
