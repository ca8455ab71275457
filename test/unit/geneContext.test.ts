// gene-not-italic (issue 14): only clear gene contexts; the protein phrases of the field never.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits, createTerminologyService } from '../../server/src/service/index';

const service = createTerminologyService();

/** The symbols gene-not-italic reports in `text`, with whether their fix is safe. */
function reported(text: string): string[] {
  return service
    .lint({ uri: 'gene.md', version: 1, text })
    .filter((d) => d.code === 'gene-not-italic')
    .map((d) => `${text.slice(d.start, d.end)}${d.data?.fixes?.[0]?.safe ? '' : ' (unsafe)'}`);
}

describe('gene-not-italic: each gene context', () => {
  const contexts: [string, string[]][] = [
    ['We made a CISH knockout in NK cells.', ['CISH']],
    ['We made a CISH knock-out line.', ['CISH']],
    ['TGFBR2 KO cells expanded.', ['TGFBR2']],
    ['TGFBR2-KO cells expanded.', ['TGFBR2']],
    ['A CISH knock-in reporter was built.', ['CISH']],
    ['LY6E mRNA rose twofold.', ['LY6E']],
    ['The BRD4 transcript was spliced.', ['BRD4']],
    ['The KLRC1 locus was edited.', ['KLRC1']],
    ['A CCL5 allele was found.', ['CCL5']],
    ['The BCL2 promoter was methylated.', ['BCL2']],
    ['A CXCL8 polymorphism was linked to risk.', ['CXCL8']],
    ['The FCGR3A genotype predicted response.', ['FCGR3A']],
    ['We used sgRNAs targeting CISH and a guide RNA against TGFBR2.', ['CISH', 'TGFBR2']],
    ['A frameshift in exon 2 of CISH was found; introns 1 and 2 of TGFBR2 were sequenced.', ['CISH', 'TGFBR2']],
    ['BRD4 gene expression fell.', ['BRD4']],
    ['CISH-deficient NK cells killed better.', ['CISH']],
    ['Knockout of the CISH gene helped.', ['CISH']],
    ['Mice were CISH-/- at birth.', ['CISH']],
    ['Transcripts of CXCL6 and the transcript of CISH were counted.', ['CXCL6', 'CISH']],
    // Mouse symbols: shape and context; the fix is offered but not applied unattended.
    ['We bred Ly6a knockout mice and Cish-deficient mice.', ['Ly6a (unsafe)', 'Cish (unsafe)']],
    ['The Tgfbr2 allele was floxed.', ['Tgfbr2 (unsafe)']],
  ];
  for (const [text, expected] of contexts) test(text, () => assert.deepEqual(reported(text), expected));
});

describe('gene-not-italic: not a gene context', () => {
  const proteins: string[] = [
    'Products targeting CD19 were approved.',
    'CD19 CAR NK cells were infused.',
    'An anti-CD19 antibody was added.',
    'CD19-directed therapy and CD19-specific cells.',
    'CD19+ cells were counted.',
    'Expression of the CD19 protein was high.',
    // Transcripts named by other words: `of` after a plural's own noun, not a symbol.
    'Transcripts of cells expressing CD19 rose.',
    'We targeted CISH with a drug.',
    'The anti-CISH knockout antibody.',
    // Already italic, or inside a longer emphasis (wrapping would break the markup).
    '*CISH* knockout and _TGFBR2_ KO.',
    'We saw *the CISH knockout* effect.',
    // Capitalised ordinary words at a sentence start, and terms the knowledge base knows.
    'Gene knockout was efficient. Complete knockout followed.',
    'Cas9 mRNA was electroporated.',
    // Two-letter symbols and aliases are not in the list.
    'The CAR gene was transduced.',
  ];
  for (const text of proteins) test(text, () => assert.deepEqual(reported(text), []));
});

describe('gene-not-italic: the safe fix', () => {
  test('italicises the symbol only, never the protein phrase', () => {
    const text = 'Products targeting CD19 help; a CISH knockout helps more.';
    const fixedText = service.fixAll({ uri: 'fix.md', version: 1, text }).text;
    assert.equal(fixedText, 'Products targeting CD19 help; a *CISH* knockout helps more.');
  });
  test('mouse symbols are not italicised unattended', () => {
    const text = 'We bred Ly6a knockout mice.';
    assert.equal(service.fixAll({ uri: 'fix.md', version: 1, text }, { rules: { 'undefined-abbreviation': 'off' } }).text, text);
    assert.equal(applyEdits(text, []), text);
  });
});
