// A name written in small letters where the document writes it with its capitals (issue 14): one
// name written two ways, as a copy-editor marks it. Every name here is made up.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTerminologyService } from '../../server/src/service/index';

const service = createTerminologyService();

/** The `token -> kept` of each case-spelling finding in a made-up text. */
function caseVariants(text: string): string[] {
  return service
    .lint({ uri: 'case.md', version: 1, text })
    .filter((d) => d.code === 'inconsistent-variants' && /the name is written with its capitals/.test(d.message))
    .map((d) => `${text.slice(d.start, d.end)} -> ${(d.data as { dominant: string }).dominant}`);
}

describe('a name written in small letters beside its capitals', () => {
  test('a name with inner capitals, or in capitals, then written small: reported at the small spelling, every use fixed', () => {
    assert.deepEqual(caseVariants('# Methods\n\nWe ran quarkOmics twice and quarkOmics again; then quarkomics and quarkomics once more.\n'), ['quarkomics -> quarkOmics']);
    assert.deepEqual(caseVariants('# Methods\n\nPressure was 9 zmHq and 8 zmHq; one of 7 zmhq was dropped.\n'), ['zmhq -> zmHq']);
    assert.deepEqual(caseVariants('# Methods\n\nWe searched QZEGG twice; the qzegg pathways rose.\n'), ['qzegg -> QZEGG']);
    assert.deepEqual(caseVariants('# Methods\n\nThe q-Zepitope score and the q-Zepitope map; the q-zepitope rose.\n'), ['q-zepitope -> q-Zepitope']);
  });
  test('a plain capitalised word mid-sentence three times and twice as often is a name; a title\'s capitals are not', () => {
    assert.deepEqual(caseVariants('# Results\n\nWe saw many Zorbacteria rise, few Zorbacteria fall and most Zorbacteria stay; zorbacteria were rare.\n'), ['zorbacteria -> Zorbacteria']);
    assert.deepEqual(caseVariants('# Results\n\nWe saw many Zorbacteria rise and few Zorbacteria fall; zorbacteria were rare.\n'), []);
    assert.deepEqual(caseVariants('# Results\n\nData from Records and Zenomics, Records and Zenomics and Records and Zenomics; zenomics data too.\n'), []);
    assert.deepEqual(caseVariants('# Results\n\nWe saw Zorbase 1 and Zorbase 1 and Zorbase 1 rise; zorbase fell.\n'), []);
  });
  test('the spelling with capitals written less often than the small one is no name\'s', () => {
    assert.deepEqual(caseVariants('# Methods\n\nWe ran quarkOmics once; then quarkomics, quarkomics and quarkomics.\n'), []);
  });
  test('an English word, a word in italics, a quotation or a domain in small letters is no variant', () => {
    assert.deepEqual(caseVariants('# Methods\n\nBatches were removed with ComBat and ComBat; to combat noise we filtered.\n'), []);
    assert.deepEqual(caseVariants('# Methods\n\nThe protein quarkOmics and quarkOmics rose; the gene *quarkomics* fell.\n'), []);
    assert.deepEqual(caseVariants('# Methods\n\nWe used QZBTN data (QZBTN, qzbtn.org) twice.\n'), []);
    assert.deepEqual(caseVariants('# Methods\n\nWe ran QZIA and QZIA, calling qzia() through the extra_qzia_bins.py script (see #tab:qzia).\n'), []);
  });
});

describe('capitals that are no name\'s own spelling', () => {
  test('a run set in capitals, a table row, a gene symbol, emphasis or a quotation says nothing of the word in small letters', () => {
    assert.deepEqual(caseVariants('# Results\n\nThe banner read GUT QYSBIOSIS STUDY. We saw qysbiosis.\n'), []);
    assert.deepEqual(caseVariants('# Results\n\n| TAXON | QYSBIOSIS |\n|---|---|\n| a | b |\n\nWe saw qysbiosis.\n'), []);
    assert.deepEqual(caseVariants('# Results\n\nHuman KRAS was cloned beside zebrafish kras.\n'), []);
    assert.deepEqual(caseVariants('# Results\n\nThe gene *QZEGG* rose; the qzegg mice fell.\n'), []);
  });
});

describe('a program\'s own spelling and a name written with capitals two ways', () => {
  test('a package named as such, called through R\'s `::`, or followed by its version keeps its small letters', () => {
    assert.deepEqual(caseVariants('# Methods\n\nWe embedded cells with QZMAP and QZMAP, using the R package qzmap.\n'), []);
    assert.deepEqual(caseVariants('# Methods\n\nWe embedded cells with QZMAP and QZMAP; the qzmap package ran it.\n'), []);
    assert.deepEqual(caseVariants('# Methods\n\nWe embedded cells with QZMAP and QZMAP through qzmap::qzmap().\n'), []);
    assert.deepEqual(caseVariants('# Methods\n\nWe embedded cells with QZMAP and QZMAP (qzmap 0.2.7).\n'), []);
    // A program's own name with inner capitals, written small beside its version, is still the variant.
    assert.deepEqual(caseVariants('# Methods\n\nWe scored with QellChat, and QellChat scores were ranked. We used qellchat 1.6.1 throughout.\n'), ['qellchat -> QellChat']);
    // The method written small in prose, with no program's marks, is still the variant.
    assert.deepEqual(caseVariants('# Methods\n\nWe embedded cells with QZMAP and QZMAP; the qzmap plot shows it.\n'), ['qzmap -> QZMAP']);
  });
  test('the capitals spelling written most is the name\'s, not the one written first', () => {
    assert.deepEqual(caseVariants('# Methods\n\nWe ran QuarkOmics once, then quarkOmics, quarkOmics and quarkOmics; quarkomics failed.\n'), ['quarkomics -> quarkOmics']);
  });
});

describe('the per-block words read on the masked text, what the raw text says read at each lint', () => {
  test('two paragraphs alike but for code give the finding their raw text gives', () => {
    const text = '# Methods\n\nGenes were mapped to QEGG and QEGG with `x|y` here.\n\nGenes were mapped to QEGG and QEGG with `x/y` here.\n\nWe then queried the qegg pathways.\n';
    assert.deepEqual(caseVariants(text), ['qegg -> QEGG']);
  });
  test('an edit inside code leaves the findings a fresh lint gives', () => {
    const incremental = createTerminologyService();
    const before = 'We used the `q"` tool and quarkOmics and quarkOmics for "integration" here; quarkomics too.\n';
    const after = before.replace('`q"`', "`q'`");
    incremental.lint({ uri: 'edit.md', version: 1, text: before });
    const edited = incremental.lint({ uri: 'edit.md', version: 2, text: after }).map((d) => `${d.code} ${d.start}`);
    const fresh = createTerminologyService().lint({ uri: 'edit.md', version: 1, text: after }).map((d) => `${d.code} ${d.start}`);
    assert.deepEqual(edited, fresh);
    assert.ok(fresh.some((d) => d.startsWith('inconsistent-variants')), fresh.join('; '));
  });
});
