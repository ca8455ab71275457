// A compound of abbreviations left undefined (issue 14): the missing definition is a part's, so
// the part is reported, once per scope, at its place inside the first compound that holds it;
// a compound that is one name (a known term, a defined one, or one whose parts the author never
// writes alone) is still reported whole. Made-up text throughout.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { familyOf, receptorFamilyOf } from '../../server/src/service/model/scopeDefinitions';
import { createTerminologyService, type TerminologyDiagnostic } from '../../server/src/service/index';
import { undefinedKeys } from '../helpers/undefinedKeys';

const service = createTerminologyService();

/** The first-use findings of `text`, as `rule token` (the token is the text the range covers). */
function firstUse(text: string): string[] {
  return service
    .lint({ uri: 'compound.md', version: 1, text }, {})
    .filter((d: TerminologyDiagnostic) => d.code === 'undefined-abbreviation' || d.code === 'used-before-definition')
    .map((d) => `${d.code} ${text.slice(d.start, d.end)}`);
}

describe('an undefined compound reports its undefined parts', () => {
  test('a part the author also writes alone is reported inside the first compound, and only once', () => {
    const text = 'Binding of IgG-QzR pairs was high. QzR-IgG pairs and QzR alone were weaker.\n';
    assert.deepEqual(firstUse(text), ['undefined-abbreviation QzR']);
    const finding = service.lint({ uri: 'compound.md', version: 1, text }, {}).find((d) => d.code === 'undefined-abbreviation')!;
    assert.equal(finding.start, text.indexOf('QzR'), 'the range is the part inside the first compound');
  });

  test('every undefined part of a longer compound, exempt parts aside', () => {
    const text = 'We coated XNP-BSA-YC wells. XNP was bright; YC was dim.\n';
    assert.deepEqual(firstUse(text), ['undefined-abbreviation XNP', 'undefined-abbreviation YC']);
  });

  test('a compound whose part the scope defines later is used before that definition', () => {
    const text = 'The XNP-BSA complex bound. Later, xeno nitrophenyl (XNP) was named.\n';
    assert.deepEqual(firstUse(text), ['used-before-definition XNP-BSA']);
  });

  test('a compound whose parts are never written alone is one name, reported whole', () => {
    assert.deepEqual(firstUse('Tumours of the QRGT-MN1 type grew.\n'), ['undefined-abbreviation QRGT-MN1']);
  });

  test('a chain of three or more words of capitals is a pathway of parts, each reported', () => {
    assert.deepEqual(firstUse('Signals pass the QGFR-QAS-QAF cascade.\n'), ['undefined-abbreviation QGFR', 'undefined-abbreviation QAS', 'undefined-abbreviation QAF']);
    // Numbered links are links (`DAP10-DAP12-SYK`); an HLA haplotype's segments are the nomenclature's.
    assert.deepEqual(firstUse('Signals pass the QAP10-QAP12-QYK chain.\n'), ['undefined-abbreviation QAP10', 'undefined-abbreviation QAP12', 'undefined-abbreviation QYK']);
    assert.deepEqual(firstUse('The HLA-QRB1-QQB1 haplotypes were typed.\n'), ['undefined-abbreviation HLA-QRB1-QQB1']);
    // Two words of capitals are no chain: a name unless each part is written alone.
    assert.deepEqual(firstUse('Signals pass the QGFR-QAS cascade.\n'), ['undefined-abbreviation QGFR-QAS']);
  });

  test('a gene with its amino-acid substitution is the gene\'s variant: only the gene is asked for', () => {
    assert.deepEqual(firstUse('The QRAS-G12D allele drove tumours.\n'), ['undefined-abbreviation QRAS']);
  });

  test('a number stays with its abbreviation: `OX-1` is not a use of `OX`', () => {
    assert.deepEqual(firstUse('OX-1 blockade helped, and OX rose.\n'), ['undefined-abbreviation OX-1', 'undefined-abbreviation OX']);
  });

  test('a compound the knowledge base knows stays whole, with its expansion', () => {
    const findings = firstUse('CAR-NK cells and CAR constructs, NK too.\n');
    assert.equal(findings[0], 'undefined-abbreviation CAR-NK');
  });

  test('a compound the document defines is one term', () => {
    assert.deepEqual(firstUse('The xeno nitrophenyl-bovine serum albumin (XNP-BSA) complex bound. XNP-BSA and XNP were used.\n'), ['undefined-abbreviation XNP']);
  });
});

describe('receptors numbered in Roman numerals belong to their family', () => {
  test('an undefined family is reported once, at its first member, when the text writes it alone', () => {
    const text = 'Human QγR (hQγR) bound. The mQγRIIB, mQγRIII and mQγRIV receptors and mQγR in general.\n';
    assert.deepEqual(firstUse(text), ['undefined-abbreviation mQγR']);
  });

  test('a member is covered by its defined family', () => {
    assert.deepEqual(firstUse('The Fc gamma receptors (FcγR) differ: FcγRIIIa and FcγRIIb.\n'), []);
  });

  test('a lone member whose family is never written stays a whole report', () => {
    assert.deepEqual(firstUse('The QεRI receptor bound.\n'), ['undefined-abbreviation QεRI']);
  });

  test('the family of a member: Roman numerals after R, two capitals, no lone V', () => {
    assert.equal(receptorFamilyOf('FcγRIIIa'), 'FcγR');
    assert.equal(receptorFamilyOf('hFcγRIIB'), 'hFcγR');
    assert.equal(receptorFamilyOf('FcεRI'), 'FcεR');
    assert.equal(receptorFamilyOf('HERV'), undefined);
    assert.equal(receptorFamilyOf('CRII'), undefined);
    assert.equal(receptorFamilyOf('TRAIL'), undefined);
  });

  test('numbered members: capitals or a mixed-case abbreviation before the number', () => {
    assert.equal(familyOf('STAT5b'), 'STAT');
    assert.equal(familyOf('hIgG1'), 'hIgG');
    assert.equal(familyOf('mIgG2b'), 'mIgG');
    assert.equal(familyOf('Th17'), undefined, 'one capital first is a word-like name, not a family');
  });

  test('a compound of members of defined families is defined', () => {
    assert.deepEqual(firstUse('Human QγR (hQγR) and human IgG (hIgG) were used; hQγRI-hIgG1 complexes formed.\n'), []);
  });

  test('a subclass is covered by its defined family', () => {
    assert.deepEqual(firstUse('Human IgG (hIgG) was used; hIgG1 and hIgG3 bound.\n'), []);
  });
});

describe('a later member of a series that writes its prefix once', () => {
  test('is judged as the whole name: `-DR` in `HLA-A, -B and -DR` is HLA-DR, which needs no definition', () => {
    assert.deepEqual(undefinedKeys('# Results\n\nDonors matched at HLA-A, -B and -DR, or at HLA-A and -DQ.\n'), []);
  });

  test('a member whose whole name needs a definition, or letters after a plain hyphen, stay reported', () => {
    assert.deepEqual(undefinedKeys('# Results\n\nWe gave QX-A, -QB and -QC, and a well-known -QD.\n'), ['QX-A', 'QB', 'QC', 'QD']);
  });
});
