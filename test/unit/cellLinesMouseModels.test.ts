// Cell lines and mouse strains of the knowledge base (issue 15): named things that need no
// definition, recognised in made-up sentences without firing on ordinary words that share a form.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTerminologyService } from '../../server/src/service/index';
import { loadBuiltinKnowledge } from '../../server/src/service/knowledge/builtin';

const service = createTerminologyService();
const knowledge = loadBuiltinKnowledge();

function undefinedKeys(text: string): string[] {
  return service.lint({ uri: 'lines.md', version: 1, text }).filter((d) => d.code === 'undefined-abbreviation').map((d) => text.slice(d.start, d.end));
}

/** The entry ids the term matcher finds in `text`, in order. */
function termIds(text: string): string[] {
  return service.model({ uri: 'terms.md', version: 1, text }).terms.map((t) => t.entryId);
}

function hoverText(text: string, at: string): string {
  const model = service.model({ uri: 'h.md', version: 1, text });
  const hover = service.hover({ uri: 'h.md', version: 1, text }, model.lines.positionAt(text.indexOf(at) + 1));
  const contents = hover?.contents as { value?: string } | undefined;
  return contents?.value ?? '';
}

describe('cell lines and mouse strains need no definition', () => {
  test('lines and strains are silent; an unknown abbreviation beside them is still reported', () => {
    const text =
      'Effector cells killed MOLM-13, OCI-AML3, KMS-11 and NCI-H929 cells, and Jurkat, HEK293T and CHO cells ' +
      'served as controls; YAC-1 and RMA-S were lysed by mouse effector cells.\n\n' +
      'Tumours grew in NOG, NRG, NCG and NSG-SGM3 mice and in NOD/SCID mice, and QZRT was measured.\n';
    assert.deepEqual(undefinedKeys(text), ['QZRT']);
  });

  test('NSG is a strain name like NOG: silent without a definition', () => {
    assert.deepEqual(undefinedKeys('Cells were given to NSG mice, then XQLB was scored.\n'), ['XQLB']);
  });

  test('a descriptive model abbreviation still needs its definition', () => {
    assert.deepEqual(undefinedKeys('Tumours grew in BLT mice.\n'), ['BLT']);
  });
});

describe('mouse strain symbols in the wrong case', () => {
  const discouraged = (text: string) =>
    service.lint({ uri: 'strains.md', version: 1, text }).filter((d) => d.code === 'discouraged-variant').map((d) => `${text.slice(d.start, d.end)} -> ${d.data?.fixes?.[0]?.edits[0]?.newText}`);
  test('C57Bl/6 and Balb/c, with their substrains, are told with the symbol in capitals', () => {
    assert.deepEqual(discouraged('Female C57Bl/6 mice, C57Bl/6J and Balb/cJ mice and Balb/c hosts were used.\n'), [
      'C57Bl/6 -> C57BL/6',
      'C57Bl/6J -> C57BL/6J',
      'Balb/cJ -> BALB/cJ',
      'Balb/c -> BALB/c',
    ]);
  });
  test('the symbols as nomenclature writes them are silent', () => {
    assert.deepEqual(discouraged('Female C57BL/6 mice, C57BL/6J and BALB/cJ mice and BALB/c hosts were used.\n'), []);
  });
});

describe('forms that could collide with ordinary text', () => {
  test('mean ± SEM is a statistic, not the SEM cell line', () => {
    assert.ok(!termIds('Values are mean ± SEM of three donors.\n').includes('sem'));
    assert.deepEqual(termIds('SEM cells were lysed.\n'), ['sem']);
  });

  test('T2-weighted images and A20 (TNFAIP3) are not the T2 or A20 lines', () => {
    assert.deepEqual(termIds('T2-weighted MRI showed a lesion; A20 limits NF-κB signalling.\n').filter((id) => id === 't2-cells' || id === 'a20-cells'), []);
    assert.ok(termIds('Peptide-pulsed T2 cells and A20 cells were targets.\n').includes('t2-cells'));
  });

  test('surnames Kelly and Ramos are not lines; their cells are', () => {
    assert.deepEqual(termIds('As Kelly and Ramos reported, CAR-NK cells expand.\n').filter((id) => id === 'kelly' || id === 'ramos'), []);
    assert.deepEqual(termIds('Kelly cells and Ramos cells were used.\n').filter((id) => id === 'kelly' || id === 'ramos'), ['kelly', 'ramos']);
  });

  test('Mino at the start of a sentence is the line, and silent', () => {
    const text = 'Mino was sensitive. Mino cells grew in NSG mice.\n';
    assert.deepEqual(termIds(text).filter((id) => id === 'mino'), ['mino', 'mino']);
    assert.deepEqual(undefinedKeys(text), []);
  });

  test('a kilobase is not KB cells, and LLC of a company is not the Lewis lung line', () => {
    assert.deepEqual(termIds('A 5 kb insert; Example Biotech LLC supplied it.\n').filter((id) => id === 'kb-cells' || id === 'llc'), []);
  });
});

describe('hover on a cell line', () => {
  test('says species, tissue and the checked accession', () => {
    assert.match(hoverText('MOLM-14 cells were used.\n', 'MOLM-14'), /Cell line: human, acute myeloid leukaemia.*CVCL_7916/su);
  });
  test('warns about a misidentified line', () => {
    assert.match(hoverText('MDA-MB-435 cells were used.\n', 'MDA-MB-435'), /Misidentified line:.*M14/su);
  });
});

describe('the cell-line and mouse-model categories', () => {
  const lines = knowledge.entries.filter((e) => e.cellLine);
  test('at least 100 cell lines, each with species and tissue', () => {
    assert.ok(lines.length >= 100, `${lines.length} cell lines`);
    for (const entry of lines) {
      assert.ok(entry.cellLine!.species.length >= 3 && entry.cellLine!.tissue.length >= 3, entry.id);
      assert.equal(entry.needsDefinition, false, `${entry.id}: a cell line needs no definition`);
    }
  });
  test('at least 15 mouse models', () => {
    assert.ok(knowledge.entries.filter((e) => e.category === 'mouse-models').length >= 15);
  });
});
