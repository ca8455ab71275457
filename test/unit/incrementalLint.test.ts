import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTerminologyService } from '../../server/src/service/index';
import { maskedUnchanged, rescanEditedParagraph } from '../../server/src/service/markdown/proseRescan';
import { scanProse } from '../../server/src/service/markdown/proseScanner';
import { loadBuiltinKnowledge } from '../../server/src/service/knowledge/builtin';
import { buildDocumentModel } from '../../server/src/service/model/documentModel';

// A keystroke rebuilds a model from the previous version's caches (block analyses, inline
// exclusions, abbreviation lists, the parsed front matter). Whatever the edit, the result must
// be the one a fresh service gives for the same text. Made-up manuscript.

const MANUSCRIPT = `---
title: "Engineered natural killer (NK) cells for solid tumours"
abstract: |
  Chimeric antigen receptor (CAR) NK cells lyse targets. We used IL-15 support.
---

# Introduction

Natural killer (NK) cells express CD56 and kill without priming [@smith2020; @lee2019].
The CAR-NK product used a single-chain variable fragment (scFv) against HER2, see Figure 1A.

## Methods

Cells were expanded with interleukin 15 (IL-15) and *CISH* knockout was done by CRISPR.
Flow cytometry (FC) used \`FACSDiva\` and $\\alpha$-CD16 staining <!-- carnk-disable-next-line -->.

::: {#fig-design}
![Design of the construct.](design.png)

Abbreviations: TM, transmembrane domain; ICD, intracellular domain.
:::

| Marker | Use |
|---|---|
| NKG2D | activating receptor |
| KIR | inhibitory receptor |

Table: Receptors. EC: elite controller, TP: treated progressor.

> The NK cells "were remarkably persistent in every model we tested" [@kim2021] and TM was stable.

- ADCC was measured by a chromium release assay.
- TM and ICD were swapped in a second design.
- (Q1) Quark counts are the same in beads and cells.

Under our assumption (Q1), the Quark Testing Consortium [(QTC)](#qtc) grew cells; QTC again.

# References

Smith J. NK cells. 2020.
`;

/** Edits tried at each block: appended text, a new definition, a citation, a list, a deletion. */
const INSERTS = [' and ADCC again', ' antibody-dependent cellular cytotoxicity (ADCC)', ' [@new2024]', ' Abbreviations: XY, xenogeneic yield;', ' `code`', ' $x$', ' Figure 2B', '**', '\n\n# Abstract\n\n'];

/** Offsets where the edits go: the end of each non-empty line, and the start of each block. */
function editPoints(text: string): number[] {
  const points = new Set<number>();
  let at = 0;
  for (const line of text.split('\n')) {
    if (line.trim().length > 0) points.add(at + line.replace(/\r$/, '').length);
    at += line.length + 1;
  }
  for (const match of text.matchAll(/\n\r?\n(?=\S)/g)) points.add(match.index + match[0].length);
  return [...points].sort((a, b) => a - b);
}

/** A service that has never seen the document: each version under a URI of its own, so no cache of an earlier one is at hand. */
const fresh = createTerminologyService();
function lintFresh(uri: string, version: number, text: string) {
  return fresh.lint({ uri: uri.replace('file:///', `file:///fresh-${version}/`), version, text });
}

for (const [name, lineBreak] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
  test(`an edited document lints as a fresh one, block by block (${name})`, () => {
    const original = MANUSCRIPT.replace(/\n/g, lineBreak);
    const uri = 'file:///incremental.md';
    const service = createTerminologyService();
    let version = 1;
    let text = original;
    assert.deepEqual(service.lint({ uri, version, text }), lintFresh(uri, version, text));
    let compared = 0;
    for (const point of editPoints(original)) {
      // The CRLF text takes the cache-free path; a few edits show it agrees too.
      for (const insert of lineBreak === '\n' ? INSERTS : INSERTS.slice(0, 3)) {
        // Type the insert, then take it away again: both versions reuse the one before.
        for (const next of [original.slice(0, point) + insert + original.slice(point), original]) {
          text = next;
          version++;
          const incremental = service.lint({ uri, version, text });
          assert.deepEqual(incremental, lintFresh(uri, version, text), `after inserting ${JSON.stringify(insert)} at ${point}`);
          assert.deepEqual(service.abbreviations({ uri, version, text }).undefined, fresh.abbreviations({ uri: `file:///fresh-${version}/incremental.md`, version, text }).undefined);
          compared++;
        }
      }
    }
    assert.ok(compared > 200, `compared ${compared} versions`);
  });
}

test('a deletion that joins two blocks, and one inside the front matter, lint as fresh', () => {
  const uri = 'file:///joined.md';
  const service = createTerminologyService();
  const versions = [
    MANUSCRIPT,
    MANUSCRIPT.replace('priming [@smith2020; @lee2019].\n', 'priming [@smith2020; @lee2019].'),
    MANUSCRIPT.replace('\n\n## Methods', '\n## Methods'),
    MANUSCRIPT.replace('IL-15 support.', 'IL-15 support and NKG2D.'),
    MANUSCRIPT.replace('---\n\n# Introduction', '---\n# Introduction'),
    MANUSCRIPT,
  ];
  versions.forEach((text, index) => {
    assert.deepEqual(service.lint({ uri, version: index + 1, text }), lintFresh(uri, index + 1, text), `version ${index + 1}`);
  });
});

// Typing inside a paragraph shifts the last prose map instead of parsing the blocks again
// (`markdown/proseRescan.ts`): character by character, markup included, every version must
// give the prose map and the diagnostics a fresh scan gives.
const TYPED = [' the NK (natural killer) cells', ' x | y', ' see [@ref] and `code` $\\alpha$', ' <!-- carnk-disable-next-line -->', ' *CISH* {#fig-x}', ' Figure 3B', ' Abbreviations: ZZ, zeta zone;'];

test('typing inside a paragraph rescans only that paragraph and lints as fresh', () => {
  const uri = 'file:///typed.md';
  const service = createTerminologyService();
  let version = 1;
  service.lint({ uri, version, text: MANUSCRIPT });
  // Mid-line, at a line's end, right after a paragraph's first letter, and in a legend's key.
  const points = [MANUSCRIPT.indexOf('express CD56'), MANUSCRIPT.indexOf('by CRISPR.') + 10, MANUSCRIPT.indexOf('Natural killer (NK)') + 1, MANUSCRIPT.indexOf('TM, transmembrane'), MANUSCRIPT.indexOf('Smith J.') + 5];
  let rescanned = 0;
  let compared = 0;
  for (const point of points) {
    for (const typed of TYPED) {
      let previous = MANUSCRIPT;
      // Type character by character, then delete them one by one.
      const steps = [...Array(typed.length).keys()].map((n) => typed.slice(0, n + 1));
      for (const written of [...steps, ...steps.slice(0, -1).reverse(), '']) {
        const text = MANUSCRIPT.slice(0, point) + written + MANUSCRIPT.slice(point);
        const earlier = service.model({ uri, version, text: previous });
        if (rescanEditedParagraph(text, earlier.text, earlier.prose)) rescanned++;
        version++;
        const model = service.model({ uri, version, text });
        const scanned = scanProse(text, 'markdown');
        assert.equal(model.prose.masked, scanned.masked, `masked text after typing ${JSON.stringify(written)} at ${point}`);
        assert.deepEqual(model.prose.blocks, scanned.blocks);
        assert.deepEqual(model.prose.comments, scanned.comments);
        assert.deepEqual(service.lint({ uri, version, text }), lintFresh(uri, version, text), `after typing ${JSON.stringify(written)} at ${point}`);
        previous = text;
        compared++;
      }
    }
  }
  assert.ok(compared > 500, `compared ${compared} versions`);
  // Most keystrokes take the rescan; the rest (a pipe typed, a key in a legend) are scanned whole.
  assert.ok(rescanned > compared / 2, `rescanned ${rescanned} of ${compared}`);
});

test('a rescan refuses edits that could change the block structure', () => {
  const service = createTerminologyService();
  const uri = 'file:///refused.md';
  const earlier = service.model({ uri, version: 1, text: MANUSCRIPT });
  const at = MANUSCRIPT.indexOf('express CD56');
  const refused = [
    ['a line break', MANUSCRIPT.slice(0, at) + '\n' + MANUSCRIPT.slice(at)],
    ['a pipe', MANUSCRIPT.slice(0, at) + '|' + MANUSCRIPT.slice(at)],
    ['before the first letter', MANUSCRIPT.replace('\nNatural killer (NK) cells', '\n# Natural killer (NK) cells')],
    ['in the front matter', MANUSCRIPT.replace('lyse targets', 'lyse many targets')],
    ['a list item', MANUSCRIPT.replace('ADCC was measured', 'ADCC was then measured')],
    ['a keywords line made', MANUSCRIPT.replace('\nNatural killer (NK) cells', '\nKeywords: killer (NK) cells')],
    // In a legends section a paragraph so opened is a legend; elsewhere it is main text.
    ['a legend label made without a stop', MANUSCRIPT.replace('\nNatural killer (NK) cells', '\nFigure 2 Natural killer (NK) cells')],
  ] as const;
  for (const [what, text] of refused) assert.equal(rescanEditedParagraph(text, earlier.text, earlier.prose), undefined, what);
  const typed = MANUSCRIPT.slice(0, at) + 'x' + MANUSCRIPT.slice(at);
  assert.ok(rescanEditedParagraph(typed, earlier.text, earlier.prose), 'a letter typed mid-paragraph is rescanned');
});

test('a model built from the previous version\'s block cache holds what a fresh model holds, item by item', () => {
  // The block cache keeps no copy of a block's items: it points into the model that analysed the
  // block, and the next version re-bases them. A block moved by an edit above it, a block met
  // twice, and a definition's short form (whose key linking replaced) must all come out as fresh.
  const knowledge = loadBuiltinKnowledge();
  const uri = 'file:///model.md';
  const repeated = '\n\nNatural killer (NK) cells and NKs, NK-92 and CAR-NK cells.\n';
  const base = MANUSCRIPT + repeated + repeated;
  let previous = buildDocumentModel(uri, 1, base, { knowledge });
  let version = 2;
  for (const point of [0, base.indexOf('# Introduction'), base.indexOf('Cells were'), base.length]) {
    for (const insert of ['Tumour necrosis factor (TNF) and NK. ', '\n\n# Results\n\n']) {
      const text = base.slice(0, point) + insert + base.slice(point);
      const built = buildDocumentModel(uri, version, text, { knowledge, blockCache: previous.blockCache, listCache: previous.listCache });
      const fresh = buildDocumentModel(uri, version++, text, { knowledge });
      assert.deepEqual(built.definitions, fresh.definitions);
      assert.deepEqual(built.mentions, fresh.mentions);
      assert.deepEqual(built.terms, fresh.terms);
      previous = built;
    }
  }
});

// The abbreviation-list cache is keyed by a block's masked text and the three characters after
// it; whether the block is a legend and where it ends are checked on the entry. One key text met
// as a legend's key and as a paragraph, and a block that ends three characters before another
// of the same text, must each keep their own reading as the document is edited.
test('the list cache keeps a legend key and a paragraph of the same text apart, and blocks of different lengths', () => {
  const key = 'EC: elite controller, TP: treated progressor.';
  const base = `# Results\n\nEC and TP were compared with the ADCC assay.\n\n${key}\n\n::: {#fig-groups}\n![Groups.](groups.png)\n\n${key}\n:::\n\n${key}\n\n${key} TP\n\nThe end.\n`;
  const uri = 'file:///lists.md';
  const service = createTerminologyService();
  const edits = [base, base.replace('The end.', 'The end, with EC.'), base.replace('compared with', 'compared to'), base.replace(`${key} TP`, `${key}`), base];
  edits.forEach((text, index) => {
    assert.deepEqual(service.lint({ uri, version: index + 1, text }), lintFresh(uri, index + 1, text), `version ${index + 1}`);
    assert.deepEqual(service.abbreviations({ uri, version: index + 1, text }).definitions, fresh.abbreviations({ uri: `file:///fresh-${index + 1}/lists.md`, version: index + 1, text }).definitions);
  });
});

// A block a rescan left unchanged takes the previous version's cache keys (`cacheKeys`), so its
// look-ups hash nothing new. Only blocks whose masked text, and the three characters after it,
// lie outside the stretch the rescan rebuilt may; the model must still equal a fresh one.
test('after a rescan, the blocks away from the edit keep their cache keys and the edited one gets a new key', () => {
  const knowledge = loadBuiltinKnowledge();
  const uri = 'file:///keys.md';
  const earlier = buildDocumentModel(uri, 1, MANUSCRIPT, { knowledge });
  const at = MANUSCRIPT.indexOf('by CRISPR.') + 3;
  const text = MANUSCRIPT.slice(0, at) + ' NK' + MANUSCRIPT.slice(at);
  const options = { knowledge, blockCache: earlier.blockCache, listCache: earlier.listCache, earlierProse: { text: MANUSCRIPT, prose: earlier.prose, cacheKeys: earlier.cacheKeys } };
  const built = buildDocumentModel(uri, 2, text, options);
  assert.ok(built.prose.shifted, 'the edit was rescanned');
  const edited = built.prose.blocks.findIndex((block) => block.start <= at && at <= block.end);
  const kept = built.prose.blocks.map((block) => maskedUnchanged(built.prose, block.start, block.end + 3));
  assert.equal(kept[edited], false);
  assert.ok(kept.filter(Boolean).length >= built.prose.blocks.length - 3, `${kept.filter(Boolean).length} of ${built.prose.blocks.length} blocks kept`);
  built.prose.blocks.forEach((block, index) => {
    if (kept[index]) assert.equal(built.cacheKeys.blocks[index], earlier.cacheKeys.blocks[index]);
    else assert.equal(built.cacheKeys.blocks[index]!.endsWith(built.prose.masked.slice(block.start, block.end)), true);
  });
  const fresh = buildDocumentModel(uri, 2, text, { knowledge });
  assert.deepEqual(built.definitions, fresh.definitions);
  assert.deepEqual(built.mentions, fresh.mentions);
  assert.deepEqual(built.terms, fresh.terms);
  assert.deepEqual([...built.abbreviationLists], [...fresh.abbreviationLists]);
});

test('a link\'s target changed to one of the same length lints as fresh (the cache key holds the target\'s kind)', () => {
  const uri = 'file:///linked.md';
  const service = createTerminologyService();
  const versions = [
    'The Quark Testing Consortium [(QTC)](#qtc12345) grew cells; QTC again.\n\nOther text.\n',
    'The Quark Testing Consortium [(QTC)](https://q) grew cells; QTC again.\n\nOther text.\n',
    'The Quark Testing Consortium [(QTC)](#qtc12345) grew cells; QTC again.\n\nOther text.\n',
  ];
  versions.forEach((text, i) => assert.deepEqual(service.lint({ uri, version: i + 1, text }), lintFresh(uri, i + 1, text), `version ${i + 1}`));
});
