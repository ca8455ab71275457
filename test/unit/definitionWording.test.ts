// How a long form the document gives is written again where a fix defines an abbreviation
// (issue 14: a clinical paper's abstract opened a sentence with `Opportunities for improvement
// (OFI)`, and the fix for the main text offered `Opportunities for improvements (OFIs)`).
// Every text is made up.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTerminologyService } from '../../server/src/service/index';
import { longFormMidSentence, pluralise, pluralisesHead } from '../../server/src/service/model/definitionSpans';

const service = createTerminologyService();

/** The titles of the fixes offered for the first `rule` diagnostic of `text`. */
function fixTitles(rule: string, text: string): string[] {
  const diagnostic = service.lint({ uri: 'wording.md', version: 1, text }).find((d) => d.code === rule);
  assert.ok(diagnostic, `${rule} reported in ${JSON.stringify(text)}`);
  return (diagnostic.data?.fixes ?? []).map((f: { title: string }) => f.title);
}

describe('the plural of a long form', () => {
  test('the last word takes the plural when no preposition follows the head', () => {
    assert.equal(pluralise('stem cell'), 'stem cells');
    assert.equal(pluralise('quality assurance policy'), 'quality assurance policies');
    assert.equal(pluralise('natural killer cells'), 'natural killer cells');
  });

  test('a head noun before a preposition and one word takes it, once', () => {
    assert.equal(pluralise('opportunity for improvement'), 'opportunities for improvement');
    assert.equal(pluralise('Opportunities for improvement'), 'Opportunities for improvement');
    assert.equal(pluralise('standard of care'), 'standards of care');
    assert.equal(pluralise('area under the curve'), 'areas under the curve');
    assert.equal(pluralisesHead('standard of care'), true);
  });

  test('a longer tail is a modifier before the last word, and to may open a verb', () => {
    assert.equal(pluralise('point of care test'), 'point of care tests');
    assert.equal(pluralise('loss of function variant'), 'loss of function variants');
    assert.equal(pluralise('signal to noise ratio'), 'signal to noise ratios');
    assert.equal(pluralise('neutrophil to lymphocyte ratio'), 'neutrophil to lymphocyte ratios');
    assert.equal(pluralisesHead('signal to noise ratio'), false);
  });
});

describe('a long form as it reads inside a sentence', () => {
  const at = (text: string, long: string) => ({ long, longStart: text.indexOf(long) });

  test('the capital a sentence start put on the first word is dropped', () => {
    const text = 'Shock is common. Opportunities for improvement (OFI) were frequent.';
    assert.equal(longFormMidSentence(text, at(text, 'Opportunities for improvement')), 'opportunities for improvement');
  });

  test('a name keeps its capitals, and so does a long form written mid-sentence', () => {
    const text = 'Shock is common. American Society of Anesthesiologists (ASA) classes varied. We saw Quorum Zeta (QZ) too.';
    assert.equal(longFormMidSentence(text, at(text, 'American Society of Anesthesiologists')), 'American Society of Anesthesiologists');
    assert.equal(longFormMidSentence(text, at(text, 'Quorum Zeta')), 'Quorum Zeta');
    const dashed = 'Many were seen. Quorum–Zeta virus (QZV) spread.';
    assert.equal(longFormMidSentence(dashed, at(dashed, 'Quorum–Zeta virus')), 'Quorum–Zeta virus');
    const single = 'Many were seen. Quorumbase (QB) was used, and we saw Zetabase (ZB) too.';
    assert.equal(longFormMidSentence(single, at(single, 'Quorumbase')), 'quorumbase');
    assert.equal(longFormMidSentence(single, at(single, 'Zetabase')), 'Zetabase');
  });
});

describe('fixes that write the document\'s own long form', () => {
  test('an abstract definition opening a sentence is offered in small letters and the plural of its head', () => {
    const text = [
      '# Abstract',
      '',
      'Shock kills. Opportunities for improvement (OFI) are common after trauma and OFI matter.',
      '',
      '# Introduction',
      '',
      'We studied the potential for OFIs in shock, and how OFIs arise.',
      '',
    ].join('\n');
    assert.deepEqual(fixTitles('undefined-abbreviation', text), ["Define at first use: 'opportunities for improvement (OFIs)'"]);
  });

  /** The text the move fix writes at the first use. */
  const movedTo = (text: string): string => {
    const diagnostic = service.lint({ uri: 'move.md', version: 1, text }).find((d) => d.code === 'used-before-definition');
    assert.ok(diagnostic, `used-before-definition reported in ${JSON.stringify(text)}`);
    return diagnostic.data?.fixes?.[0]?.edits?.[0]?.newText ?? '';
  };

  test('a capital dropped that no knowledge confirms, or a plural put on a head, is offered but never applied unattended', () => {
    const safety = (text: string, rule: string): boolean | undefined =>
      service.lint({ uri: 'safe.md', version: 1, text }).find((d) => d.code === rule)?.data?.fixes?.[0]?.safe;
    // `Quimby lymphoma` may be a name: the capital is dropped in the offer, which is not safe.
    assert.equal(safety('# Abstract\n\nCells die. Quimby lymphoma (QL) is rare and QL grows.\n\n# Introduction\n\nWe saw QL in two and QL in three.\n', 'undefined-abbreviation'), false);
    // Written mid-sentence, the long form is taken as written: the fix may be applied.
    assert.equal(safety('# Abstract\n\nCells die of quimby lymphoma (QL) and QL grows.\n\n# Introduction\n\nWe saw QL in two and QL in three.\n', 'undefined-abbreviation'), true);
    // A plural put on the head before `of` is a reading of grammar.
    assert.equal(safety('# Methods\n\nThe QSCs were met. Each quality standard of care (QSC) counts, and QSC again.\n', 'used-before-definition'), false);
  });

  test('a moved definition drops the capital its sentence gave it, and a name keeps its own', () => {
    assert.equal(movedTo('# Methods\n\nThe QRS was graded first. Quick release syndrome (QRS) was rare and QRS resolved.\n'), 'quick release syndrome (QRS)');
    assert.equal(
      movedTo('# Methods\n\nPre-injury QSA grade was recorded. Later, the Quorum Society of Anesthetists (QSA) grade and QSA class were compared.\n'),
      'Quorum Society of Anesthetists (QSA)',
    );
  });
});
