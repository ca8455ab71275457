import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTerminologyService } from '../../server/src/service/index';
import { buildKnowledge } from '../../scripts/build-knowledge.mjs';
import {
  hasAdjacentLongForm,
  isFollowedByBracket,
  isInsideBrackets,
  isInsideCompound,
  isPairedWith,
  isSameSpelling,
  repeatsNeighbour,
} from '../../server/src/service/rules/fixSafety';

const service = createTerminologyService();

/** `«…»` marks the range a check looks at. */
function marked(source: string): { text: string; start: number; end: number } {
  const start = source.indexOf('«');
  const end = source.indexOf('»') - 1;
  return { text: source.replace('«', '').replace('»', ''), start, end };
}

describe('fix safety checks', () => {
  test('same spelling: case, hyphens, spaces, dots and Greek letters only', () => {
    const cases: [string, string, boolean][] = [
      ['TGF-beta', 'TGF-β', true],
      ['IFNg', 'IFN-γ', true],
      ['CAR NK', 'CAR-NK', true],
      ['gd T cell', 'γδ T cell', true],
      ['N.K.', 'NK', true],
      ['MM1.S', 'MM.1S', true],
      ['cytokine storm', 'cytokine release syndrome', false],
      ['FACS analysis', 'flow cytometry', false],
      ['PBMNC', 'PBMC', false],
      ['qRT-PCR', 'RT-qPCR', false],
      ['IL-2Rg', 'γc', false],
    ];
    for (const [written, replacement, expected] of cases) assert.equal(isSameSpelling(written, replacement), expected, `${written} -> ${replacement}`);
  });

  test('inside a compound or identifier', () => {
    const cases: [string, boolean][] = [
      ['the S protein-«hACE2» interaction', true],
      ['chimeric antigen receptor («CAR»-)T cells', true],
      ['{{ebm_«tocilizumab»_ct}}', true],
      ['«NK»-cell-mediated', true],
      ['the «NK» cells', false],
      ['_«monoclonal antibodies»_ were', false],
      ['(«CAR») T cells', false],
    ];
    for (const [source, expected] of cases) {
      const { text, start, end } = marked(source);
      assert.equal(isInsideCompound(text, start, end), expected, source);
    }
  });

  test('inside brackets of the same paragraph', () => {
    const cases: [string, boolean][] = [
      ['receptor («CAR»-)T', true],
      ['cells [see «NK» cells]', true],
      ['cells (see above) and «NK» cells', false],
      ['an open (bracket\n\nthen «NK» cells', false],
    ];
    for (const [source, expected] of cases) {
      const { text, start } = marked(source);
      assert.equal(isInsideBrackets(text, start), expected, source);
    }
  });

  test('a replacement that repeats a neighbouring word', () => {
    const cases: [string, string, boolean][] = [
      ['severe «cytokine storm» syndrome occurred', 'cytokine release syndrome', true],
      ['the «CAR NK» NK cells', 'CAR-NK', true],
      ['killer «receptors» receptor', 'receptor', true],
      ['severe «cytokine storm» occurred', 'cytokine release syndrome', false],
      ['the «CAR NK» products', 'CAR-NK', false],
    ];
    for (const [source, replacement, expected] of cases) {
      const { text, start, end } = marked(source);
      assert.equal(repeatsNeighbour(text, start, end, replacement), expected, source);
    }
  });

  test('a long form already written next to the abbreviation', () => {
    const cases: [string, string, string | undefined, boolean][] = [
      ['The «KIRs» killer inhibitory receptors bind.', 'KIRs', 'killer cell immunoglobulin-like receptor', true],
      ['We used chimeric antigen receptor «CAR» T cells.', 'CAR', 'chimeric antigen receptor', true],
      ['We used «CAR» chimeric antigen receptor T cells.', 'CAR', 'chimeric antigen receptor', true],
      ['The «KIRs» bind HLA class I.', 'KIRs', 'killer cell immunoglobulin-like receptor', false],
      ['Then «NK» cells kill.', 'NK', 'natural killer', false],
    ];
    for (const [source, short, expansion, expected] of cases) {
      const { text, start, end } = marked(source);
      assert.equal(hasAdjacentLongForm(text, start, end, short, expansion), expected, source);
    }
  });

  test('a long form paired with its abbreviation, or followed by a bracket', () => {
    const pairs: [string, string, boolean][] = [
      ['NK, natural killer; CRS, «cytokine release syndrome»; ICANS', 'CRS', true],
      ['«cytokine release syndrome» = CRS', 'CRS', true],
      ['then «cytokine release syndrome» was graded', 'CRS', false],
      ['CRSP, «cytokine release syndrome»', 'CRS', false],
    ];
    for (const [source, short, expected] of pairs) {
      const { text, start, end } = marked(source);
      assert.equal(isPairedWith(text, start, end, short), expected, source);
    }
    assert.equal(isFollowedByBracket('chimeric antigen receptor (CAR-)T', 'chimeric antigen receptor'.length), true);
    assert.equal(isFollowedByBracket('chimeric antigen receptor T cells', 'chimeric antigen receptor'.length), false);
  });
});

/** The first fix of the first `rule` diagnostic on `text`, with its safety. */
function firstFix(rule: string, text: string): { safe: boolean; newText: string } | undefined {
  const diagnostic = service.lint({ uri: 'fix.md', version: 1, text }).find((d) => d.code === rule);
  const fix = diagnostic?.data?.fixes?.[0];
  return fix ? { safe: fix.safe, newText: fix.edits.map((e) => e.newText).join('|') } : undefined;
}

describe('which fixes are safe', () => {
  const cases: { name: string; rule: string; text: string; safe: boolean | 'none' }[] = [
    { name: 'define at first use, used again', rule: 'undefined-abbreviation', text: 'We studied CRS. CRS rose.', safe: true },
    { name: 'define at first use, the only use (the definition would be unused)', rule: 'undefined-abbreviation', text: 'We studied CRS here.', safe: false },
    { name: 'define with an expansion holding an abbreviation not yet defined (CAR-T in CRES\'s)', rule: 'undefined-abbreviation', text: 'We studied CRES. CRES rose.', safe: false },
    { name: 'define with an expansion whose abbreviation is defined before', rule: 'undefined-abbreviation', text: 'Chimeric antigen receptor T (CAR-T) cells help. We studied CRES. CRES rose; CAR-T again.', safe: true },
    { name: 'define inside a bracket with a trailing hyphen', rule: 'undefined-abbreviation', text: 'Patients got (CAR-)T cells. CAR T cells kill.', safe: false },
    { name: 'a definition joined by a hyphen to the next word is never collapsed', rule: 'used-before-definition', text: 'The CAR T cells. Chimeric antigen receptor (CAR-)T cells kill.', safe: 'none' },
    { name: 'define next to a long form already written', rule: 'undefined-abbreviation', text: 'The KIRs killer inhibitory receptors bind HLA-E. KIRs vary.', safe: false },
    { name: 'define when the author writes the long form later', rule: 'undefined-abbreviation', text: 'The CAR NK cells. Then chimeric antigen receptor (CAR-)T cells. CAR again.', safe: false },
    { name: 'move a definition into a compound', rule: 'used-before-definition', text: 'The S protein-hACE2 interaction. The human ACE2 (hACE2) receptor binds; hACE2 again.', safe: false },
    { name: 'move a definition to a plain first use', rule: 'used-before-definition', text: 'We saw ADCC first. Then antibody-dependent cellular cytotoxicity (ADCC) rose; ADCC fell.', safe: true },
    { name: 'discouraged Greek spelling', rule: 'discouraged-variant', text: 'Levels of TGF-beta rose.', safe: true },
    { name: 'discouraged hyphenation', rule: 'discouraged-variant', text: 'The NK92 line.', safe: true },
    { name: 'discouraged form with another name', rule: 'discouraged-variant', text: 'By FACS analysis we saw it.', safe: false },
    { name: 'long form repeated', rule: 'long-form-after-abbreviation', text: 'Natural killer (NK) cells. NK cells lyse. Later natural killer cells.', safe: true },
    { name: 'long form before a bracket of its own', rule: 'long-form-after-abbreviation', text: 'Natural killer (NK) cells work. NK cells lyse. Later natural killer (see above) cells.', safe: false },
    { name: 'unused definition: removing it is the author\'s call', rule: 'unused-abbreviation', text: 'Natural killer (NK) cells were used.', safe: false },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const fix = firstFix(c.rule, c.text);
      if (c.safe === 'none') assert.equal(fix, undefined);
      else {
        assert.ok(fix, `${c.rule} offers a fix on ${JSON.stringify(c.text)}`);
        assert.equal(fix.safe, c.safe, `${c.rule} on ${JSON.stringify(c.text)}: ${fix.newText}`);
      }
    });
  }

  test('no long-form-after-abbreviation inside an identifier or a list of pairs', () => {
    const lint = (text: string) => service.lint({ uri: 'x.md', version: 1, text }).filter((d) => d.code === 'long-form-after-abbreviation').map((d) => text.slice(d.start, d.end));
    assert.deepEqual(lint('Tocilizumab (TCZ) works. In {{ebm_tocilizumab_ct}} trials, TCZ.'), []);
    assert.deepEqual(lint('Cytokine release syndrome (CRS) occurs. Pairs: CRS, cytokine release syndrome; NK, natural killer.'), []);
    assert.deepEqual(lint('Cytokine release syndrome (CRS) occurs. CRS is graded. Later cytokine release syndrome recurs.'), ['cytokine release syndrome']);
  });

  test('a define fix in "(CAR-)T" never nests brackets under --fix', () => {
    const text = 'Chimeric antigen receptor (CAR-)T cells were used. CAR T cells kill.';
    assert.equal(service.fixAll({ uri: 'x.md', version: 1, text }).text, text);
  });
});

describe('related terms are not variants', () => {
  const lint = (text: string) => service.lint({ uri: 'x.md', version: 1, text });
  test('"cytokine storm" is not a discouraged variant of CRS, and --fix keeps it', () => {
    const text = 'A cytokine storm syndrome and cytokine storm-like responses occurred.';
    assert.deepEqual(lint(text).filter((d) => d.code === 'discouraged-variant'), []);
    assert.equal(service.fixAll({ uri: 'x.md', version: 1, text }).text, text);
  });
  test('"CRES" is its own term: no replacing fix to ICANS', () => {
    const text = 'CRES was graded by CARTOX criteria. CRES resolved.';
    for (const d of lint(text)) for (const fix of d.data?.fixes ?? []) assert.ok(!fix.edits.some((e) => /ICANS|immune effector/u.test(e.newText)), fix.title);
    // Defining CRES with its own expansion is fine; turning it into ICANS is not.
    assert.doesNotMatch(service.fixAll({ uri: 'x.md', version: 1, text }).text, /ICANS|immune effector/u);
  });
  test('"killer inhibitory receptors (KIRs)" is an older expansion: a note at information with the knowledge base\'s reason, no replacement by itself', () => {
    const text = 'Killer inhibitory receptors (KIRs) bind HLA class I. KIRs vary.';
    const found = lint(text).filter((d) => d.code === 'conflicting-expansion' || d.code === 'discouraged-variant');
    assert.deepEqual(found.map((d) => `${d.code} ${d.severity}`), ['conflicting-expansion information']);
    assert.match(found[0]!.message, /an older expansion of 'KIRs', now usually 'killer cell immunoglobulin-like receptor'\. An older expansion of KIR that fits only the inhibitory members/u);
    assert.ok(found[0]!.data!.fixes!.every((fix) => !fix.safe));
    assert.equal(service.fixAll({ uri: 'x.md', version: 1, text }).text, text);
    // A wrong expansion is still a conflict.
    assert.ok(lint('Killer activating receptors (KIRs) bind. KIRs vary.').some((d) => d.code === 'conflicting-expansion'));
  });
  test('hover explains the relation', () => {
    const hover = (text: string, at: number) => {
      const value = service.hover({ uri: 'x.md', version: 1, text }, service.model({ uri: 'x.md', version: 1, text }).lines.positionAt(at));
      return value && typeof value.contents === 'object' && 'value' in value.contents ? value.contents.value : '';
    };
    assert.match(hover('A cytokine storm followed.', 5), /Not a variant of CRS.*broader term/su);
    assert.match(hover('CRES (CAR-T-cell-related encephalopathy syndrome) resolved.', 1), /Not a variant of ICANS.*former name/su);
    assert.match(hover('Killer inhibitory receptors were found.', 3), /Not a variant of KIR.*older expansion/su);
    // A plain term has no such line.
    assert.doesNotMatch(hover('Natural killer cells.', 3), /Not a variant/u);
  });
  test('the schema and the build check relations', () => {
    const entries = buildKnowledge({ write: false }).entries as { id: string; relations?: { id: string; kind: string }[] }[];
    const related = entries.filter((e) => e.relations).map((e) => `${e.id}->${e.relations!.map((r) => `${r.kind}:${r.id}`).join(',')}`);
    assert.deepEqual(related.sort(), ['cres->former-name:icans', 'cytokine-storm->broader-term:crs', 'killer-inhibitory-receptor->older-expansion:kir']);
  });
});

// Issue 14: a safe fix applied to the gathered real manuscripts lost a definition twice. Made-up texts.
describe('a safe fix never breaks another definition', () => {
  const fixOf = (text: string, rule: string, token: string) => {
    const found = service.lint({ uri: 'break.md', version: 1, text }).find((d) => d.code === rule && text.slice(d.start, d.end) === token);
    assert.ok(found, `${rule} on ${token} in ${JSON.stringify(text)}`);
    return found.data?.fixes?.[0] as { safe: boolean } | undefined;
  };

  test('a definition written inside another definition\'s long form is offered, not applied', () => {
    // `Boise VA Medical Center (BVAMC)`: defining VA there would make the long form `Boise Veterans Affairs (VA) Medical Center`.
    const inside = 'Data came from the Quarry CRS Medical Center (QCMC) in Quarry; QCMC again. Later CRS rose, and CRS again.\n';
    assert.equal(fixOf(inside, 'undefined-abbreviation', 'CRS')?.safe, false);
    const alone = 'Data came from the centre; later CRS rose, and CRS again.\n';
    assert.equal(fixOf(alone, 'undefined-abbreviation', 'CRS')?.safe, true);
  });

  test('a Greek letter written at a short form its long form spells with the Latin stand-in is offered, not applied', () => {
    // `Interferon-g (IFN-g)` as `Interferon-g (IFN-γ)`: the long form no longer spells the short form.
    assert.equal(fixOf('Cells made Interferon-g (IFN-g); IFN-g rose.\n', 'discouraged-variant', 'IFN-g')?.safe, false);
    assert.equal(fixOf('Cells made interferon gamma (IFN-g); IFN-g rose.\n', 'discouraged-variant', 'IFN-g')?.safe, true);
  });
});
