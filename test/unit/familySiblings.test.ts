import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTerminologyService } from '../../server/src/service/index';
import { undefinedWithSeverity } from '../helpers/undefinedKeys';

describe('a member of a numbered family after a sibling the scope spells out', () => {
  test('is reported as a note, hyphenated or not', () => {
    assert.deepEqual(undefinedWithSeverity('# Intro\n\nCells saw quarkokine-12 (QK-12), QK-15 and QK-18.\n'), ['QK-15 information', 'QK-18 information']);
    assert.deepEqual(undefinedWithSeverity('# Intro\n\nWe blocked quark-like receptor 4 (QLR4) and then QLR7.\n'), ['QLR7 information']);
  });

  test("a subclass after a sibling whose long form qualifies the symbol itself ('murine QgG2b')", () => {
    assert.deepEqual(undefinedWithSeverity('# Intro\n\nWe used murine QgG2b (mQgG2b) and then mQgG2a.\n'), ['mQgG2a information']);
    // Before the sibling is spelt out, the subclass is undefined as any other.
    assert.deepEqual(undefinedWithSeverity('# Intro\n\nFirst mQgG2a, then murine QgG2b (mQgG2b) and mQgG2b.\n'), ['mQgG2a warning']);
  });

  test('the note names the sibling and its long form', () => {
    const text = '# Intro\n\nCells saw quarkokine-12 (QK-12) and QK-15.\n';
    const diagnostic = createTerminologyService().lint({ uri: 'siblings.md', version: 1, text }).find((d) => d.code === 'undefined-abbreviation');
    assert.match(diagnostic!.message, /'QK-12' was spelt out as 'quarkokine-12'/u);
  });

  test('stays a warning before the sibling is defined, in another scope, or when the long form does not spell the family', () => {
    assert.deepEqual(undefinedWithSeverity('# Intro\n\nFirst QK-15, then quarkokine-12 (QK-12) and QK-12 again.\n'), ['QK-15 warning']);
    assert.deepEqual(
      undefinedWithSeverity('---\nabstract: |\n  Cells saw quarkokine-12 (QK-12).\n---\n\n# Intro\n\nThen QK-15 rose.\n'),
      ['QK-15 warning'],
    );
    assert.deepEqual(undefinedWithSeverity('# Intro\n\nAbbreviations: QK-12, quiet kinase.\n\nThe QK-12 and QK-15 rose.\n'), ['QK-15 warning']);
    // A receptor names another molecule than the family's members.
    assert.deepEqual(undefinedWithSeverity('# Intro\n\nCells saw quarkokine-12 (QK-12), and QK-9R.\n'), ['QK-9R warning']);
  });
});
