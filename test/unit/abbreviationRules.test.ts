import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTerminologyService, type AnalysisSettings } from '../../server/src/service/index';
import { parseMarked } from '../helpers/marked';
import { isSameExpansion } from '../../server/src/service/model/expansions';

const service = createTerminologyService();

/**
 * Checks that `rule` reports exactly the «marked» ranges of `source` (as markdown),
 * and that every range converts back to the same offsets.
 */
function check(rule: string, source: string, uri = 'test.md', scopeMode: 'journal' | 'document' = 'journal', settings: AnalysisSettings = {}): void {
  const { text, ranges } = parseMarked(source);
  const diagnostics = service.lint({ uri, version: 1, text }, { scopeMode, ...settings }).filter((d) => d.code === rule);
  assert.deepEqual(
    diagnostics.map((d) => text.slice(d.start, d.end) + '@' + d.start),
    ranges.map((r) => text.slice(r.start, r.end) + '@' + r.start),
    `${rule} in ${JSON.stringify(text)}: ${JSON.stringify(diagnostics.map((d) => d.message))}`,
  );
  const model = service.model({ uri, version: 1, text }, { scopeMode });
  for (const d of diagnostics) {
    assert.equal(model.lines.offsetAt(d.range.start), d.start);
    assert.equal(model.lines.offsetAt(d.range.end), d.end);
  }
}

describe('a bold run-in head opening a paragraph', () => {
  test('is a heading: its uses are no first use, and the text after it is', () =>
    check(
      'undefined-abbreviation',
      '# Methods\n\n**QZTV** [@doi:10.1/x] models genes; later «QZTV» reads them.\n\n**Cell culture.** «QZC» cells grew.\n\n**«QZR»**\n\nAfter the bold line alone, QZR again.',
      'test.md',
      'journal',
      { defineToolNames: true },
    ));
  test('a name heading its paragraph with its citation names a method or a program: a note, journals differ', () => {
    const text = '# Methods\n\n**QZTV** [@doi:10.1/x] models genes; later QZTV reads them.\n\n**QZBL**: a model; later QZBL reads them.\n';
    const found = (settings: AnalysisSettings) => service.lint({ uri: 'h.md', version: 1, text }, settings).filter((d) => d.code === 'undefined-abbreviation');
    assert.deepEqual(found({}).map((d) => [text.slice(d.start, d.end), d.severity]), [['QZTV', 'information'], ['QZBL', 'warning']]);
    const spelledOut = found({ defineToolNames: true });
    assert.deepEqual(spelledOut.map((d) => [text.slice(d.start, d.end), d.severity]), [['QZTV', 'warning'], ['QZBL', 'warning']]);
    assert.match(spelledOut[0]!.message, /heading a paragraph with its citation/);
  });
  test('no early use before the definition it precedes', () =>
    check('used-before-definition', '# Methods\n\n**QFA+** [@a] extends quark factor analysis (QFA); QFA fits.'));
  test('a bold definition opening a paragraph stays text, and a legend title is no run-in head', () => {
    check('undefined-abbreviation', '# Intro\n\n**Natural killer (NK) cells** kill; NK cells.\n\n![**«QZL»** title. Cells.](f.png){#fig:a}\n');
    check('unused-abbreviation', '# Intro\n\n**Quark zone length (QZL)** grows here.'.replace('(QZL)', '(«QZL»)'));
  });
});

describe('a table column headed Method, Tool or Software', () => {
  test('its cells name programs, not uses; the other columns are uses', () =>
    check('undefined-abbreviation', '# Results\n\n| Category | Method | Data |\n|---|---|---|\n| Matrix | QZVI | «QZT» |\n| Net | QLIB | QZT |\n\nTable: Methods. {#tbl:1}\n\n| Tool name | Use |\n|---|---|\n| QMAG | «QZU» |\n\nTable: Tools. {#tbl:2}\n'));
});

describe('used-before-definition', () => {
  test('the issue example', () => check('used-before-definition', '«ADCC» kills targets. Later, antibody-dependent cellular cytotoxicity (ADCC) was measured.'));
  test('reported once, at the first use', () => check('used-before-definition', '«CRS» and CRS again. Cytokine release syndrome (CRS) is graded.'));
  test('defined first: nothing', () => check('used-before-definition', 'Natural killer (NK) cells. NK cells kill.'));
  test('short-first definitions', () => check('used-before-definition', '«TGF-β» matters. TGF-β (transforming growth factor beta) suppresses NK cells (natural killer cells).'));
  test('headings do not count as first use', () => check('used-before-definition', '# Results\n\n## ADCC assays\n\nAntibody-dependent cellular cytotoxicity (ADCC) rose.'));
  test('compound used before its last part is defined', () => check('used-before-definition', 'Chimeric antigen receptor (CAR) designs. «CAR-NK» cells need natural killer (NK) cells.'));
  test('CRLF, tabs, Greek, superscripts and a non-BMP character keep ranges exact', () =>
    check('used-before-definition', '😀 Cells\twere CD56⁺.\r\n«IFN-γ» rose.\r\nInterferon gamma (IFN-γ) is a cytokine.\r\n'));
});

describe('redefined-abbreviation after a heading', () => {
  test('a heading spelling the term out, then the text defining it: the text is the first definition', () => {
    check('redefined-abbreviation', '# Title\n\n## Quiet Lymphocytic Leukaemia (QLL)\n\nQuiet lymphocytic leukaemia (QLL) is rare. QLL is common.');
    check('redefined-abbreviation', '# Title\n\n## Quiet Lymphocytic Leukaemia (QLL)\n\nQuiet lymphocytic leukaemia (QLL) is rare. Quiet lymphocytic leukaemia («QLL») again; QLL.');
  });
  test('a use in the text before the text defines it again makes the definition a repeat', () =>
    check('redefined-abbreviation', '# Title\n\n## Quiet Lymphocytic Leukaemia (QLL)\n\nQLL is rare.\n\n## Later\n\nQuiet lymphocytic leukaemia («QLL») again; QLL.'));
  test('two definitions in the text are still a repeat', () =>
    check('redefined-abbreviation', 'Quiet lymphocytic leukaemia (QLL) is rare.\n\nQuiet lymphocytic leukaemia («QLL») again; QLL.'));
});

describe('undefined-abbreviation', () => {
  test('never defined', () => check('undefined-abbreviation', 'We measured «ADCC» and ADCC again.'));
  test('one missing definition however it is spelt: case and hyphens folded', () => {
    check('undefined-abbreviation', 'We ran «QRNAseq» here and QRNA-Seq there.');
    check('undefined-abbreviation', 'We ran «QRN-A» here and «QRN-B» there.');
    // A gene symbol and the same symbol written with a hyphen before its number are one nomenclature: one note, at the first.
    check('undefined-abbreviation', 'The «ZIC3» gene and the ZIC-3 protein.');
    check('undefined-abbreviation', 'The «ZIC-3» protein and the ZIC3 gene.');
  });
  test('defined', () => check('undefined-abbreviation', 'Antibody-dependent cellular cytotoxicity (ADCC) and ADCC.'));
  test('plural and possessive uses of a defined abbreviation', () =>
    check('undefined-abbreviation', "Induced pluripotent stem cells (iPSCs) differ; the iPSC's genome and iPSC lines."));
  test('compound of defined parts is defined', () =>
    check('undefined-abbreviation', 'Chimeric antigen receptor (CAR) and natural killer (NK) cells make CAR-NK cells.'));
  test('compound of a defined compound and a defined abbreviation (any split at a hyphen)', () =>
    check('undefined-abbreviation', 'Human foamy virus 3 (HFV-3) binds a receptor-binding domain (RBD); HFV-3-RBD and «HFV-RBD»-like «XQ-RBD» forms.'));
  test('a capitalised word glued to a defined abbreviation names something built on it', () =>
    // A word coined on its face (`OpenQZX`, `QOpenTA`) is a name wherever it stands; `ProQZX` has no syllable of three letters.
    check('undefined-abbreviation', 'The Quebec tumour atlas (QTA) grew into OpenQTA and ProQTA; but OpenQZX, «ProQZX» and QOpenTA stand alone.'));
  test('such a name before the abbreviation is defined is no early use of it', () =>
    check('used-before-definition', 'We built OpenQTA first. The Quebec tumour atlas (QTA) came later; QTA was used.'));
  test('a long form then or and the short form after its definition is no second definition', () => {
    check('redefined-abbreviation', 'Quiet myeloma (QM) is common. Patients with smouldering quiet myeloma or QM were included.');
    check('conflicting-expansion', 'Quiet myeloma (QM) is common. Patients with smouldering quiet myeloma or QM were included.');
  });
  test('such a name uses the abbreviation it is built on, and is a name in a legend', () => {
    check('unused-abbreviation', 'We applied the quiet tumour atlas (QTA), then built OpenQTA on it.');
    check('undefined-abbreviation', 'We applied the quiet tumour atlas (QTA) in OpenQTA.\n\n![Scores from OpenQTA and «QZZ».](f.png){#fig:a}\n');
  });
  test('a short form set in code font as the whole of a definition bracket defines it; other code stays code', () => {
    check('undefined-abbreviation', 'We used Quick Zeta Kinetic Detection (`QZKD`) here; QZKD was high.');
    // A value in code after words none of which opens with its letter is code, not a short form.
    check('undefined-abbreviation', 'Samples come from the reference (`Ref`) or stimulated (`QCRXL`) condition.');
    check('undefined-abbreviation', 'We ran the tool (`QeSeq2`) and `QZKD` alone; «QZKD» later; a call f(`QZ`)x; a `QuickObject` (`QOB`) object.');
  });
  test('a -seq method needs its own definition, though RNA needs none; RNA-Seq is RNA-seq', () => {
    check('undefined-abbreviation', 'We used «RNA-seq» on RNA. Later «QZ-seq» and QZ-Seq runs; DNA again.');
    check('undefined-abbreviation', 'RNA sequencing (RNA-Seq) of RNA; RNA-seq again and RNA-Seq.');
  });
  test('a numbered member of a defined family needs no definition of its own', () =>
    check('undefined-abbreviation', 'Quiescence regulator kinases (QRK) such as QRK1 and QRK12b act; «QZK3» and «QR5» do not.'));
  test('a numbered member of a family reported undefined is the same missing definition', () =>
    check('undefined-abbreviation', 'The «QRK» kinases, QRK1 and QRK2, act; «QZK3» does too.'));
  test('so is one of a family whose name holds a Greek letter, folded as its spellings are', () =>
    check('undefined-abbreviation', 'The «QγX» family binds, and QγX5 and QgX6 act.'));
  test('compound of a defined abbreviation and a defined single letter', () =>
    check('undefined-abbreviation', 'The envelope (E) of tick-borne virus (TBV) holds TBV-E dimers.'));
  test('a form completed by one Greek letter in math or a superscript is judged whole, at its first use', () => {
    check('undefined-abbreviation', 'The «IL-9R$\\alpha$» chain and IL-9R^α^ bind; later IL-9Rα alone; «QXR»^+^ and «ZKL»^high^ cells.');
    check('undefined-abbreviation', 'Cells made «QFN$\\gamma$» and «QNF^α^»; QFNγ rose.');
  });
  test('a form that runs on into Greek letters written in math is read whole there, as written in letters later', () =>
    check('undefined-abbreviation', 'The «IL-9R$\\alpha\\beta$» dimer binds; later IL-9Rαβ alone.'));
  test('a Greek-letter form is covered by the hyphenated definition, and used before it when it comes first', () => {
    check('undefined-abbreviation', 'Quark factor gamma (QF-γ) rose, and QF$\\gamma$ fell.');
    check('used-before-definition', 'Early «QF$\\gamma$» rose. Quark factor gamma (QF-γ) then fell.');
  });
  test('a table cell holding a value is not prose; a cell of running text is', () =>
    check('undefined-abbreviation', '| Target | Clone | Note |\n|---|---|---|\n| QZX 2nd mAb (QK7) | Ms IgG1κ (MQPC-2) | binds «WVY» on resting cells |\n'));
  test('a table with a caption is its own legend: short cells are uses there, identifiers joined by an underscore are not', () =>
    check(
      'undefined-abbreviation',
      '| Patient | Group | Subtype |\n|---|---|---|\n| PT_0QX7ZK2 | «QZG», wildtype | DMG |\n| PT_3WK9RR5 | QZG | «ZKV» |\n\nTable: **Patients.** Diffuse midline glioma (DMG) by group. {#tbl:p}\n',
    ));
  test('a captioned table of reagents keeps its catalogue values out: clones, conjugates, catalogue numbers', () =>
    check(
      'undefined-abbreviation',
      '| Antibody (clone) | Dilution | Fluorophore | Vendor (CAT#) |\n|---|---|---|---|\n| QD25 (M-Q251) | 1:120 | QE/Cy7 | QioLegend (356114) |\n| Ms IgG1κ (QOPC-21) | 1:240 | QPC | QioLegend (400158) |\n\nTable: **Antibodies.** Stains used for flow cytometry; «ZKV» gating. {#tbl:ab}\n',
    ));
  test('a genotype in a table cell is a value; two capitals joined by a slash in running text are not', () =>
    check(
      'undefined-abbreviation',
      '| Donor | Genotype | Haplotype |\n|---|---|---|\n| D1 | V/F | A/A |\n| D2 | F/F | B/x |\n\nTable: **Donors.** Allele pairs by donor; the «Q/R» model was used. {#tbl:g}\n',
    ));
  test('letters joined by a slash that the knowledge base asks to define stay an abbreviation in a table cell', () =>
    check('undefined-abbreviation', '| Patient | Status |\n|---|---|\n| P1 | «R/R» |\n\nTable: **Patients.** Disease status at entry. {#tbl:s}\n'));
  test('a caption below its table defines for the cells above it', () => {
    check('used-before-definition', '| Variant |\n|---|\n| c.137G>T (QLP) |\n\nTable: **Variants.** Quite likely pathogenic (QLP) variants. {#tbl:v}\n');
    check('used-before-definition', '**Table 1.** Variants.\n\n| Variant |\n|---|\n| c.137G>T (QLP) |\n\nMain text: «QLP» first, then quite likely pathogenic (QLP) variants.\n');
  });
  test("a legend's key defines for the legend, and the legend's text is still read", () =>
    check('undefined-abbreviation', '**Figure 2.** Groups per subject. QC: quiet controller, RP: rapid progressor; see methods. QC and RP differ, «ZZK» too.\n'));
  test('one colon pair is no key, unless it closes the legend', () => {
    check('undefined-abbreviation', '**Figure 2.** Ratio: «QC» values differ.\n');
    check('undefined-abbreviation', '**Figure 2.** Stained with a QST antibody. QST: quartz staining tools.\n');
  });
  test('the whole text of a link names what it points at', () =>
    check('undefined-abbreviation', 'Regions are listed in [QRSTV](https://example.org/qrstv) and «WXYZ» holds the rest.'));
  test('a number with a unit needs no definition', () => check('undefined-abbreviation', 'A 41.5-kDa band and a 12-kDa band, 5-mM steps.'));
  test('abbreviations needing no definition', () => check('undefined-abbreviation', 'DNA, RNA and mRNA in 10 mL at pH 7; mean ± SD; CD19 and CD56.'));
  test('title and headings are exempt', () => check('undefined-abbreviation', '---\ntitle: CAR-NK for AML\n---\n\n## GMP\n\nText «GMP» here.'));
  test('nothing inside code, comments, links, citations, cross-references or math', () =>
    check(
      'undefined-abbreviation',
      '---\nauthor: GMP\nbibliography: ADCC.bib\n---\n\nText `ICANS` <!-- CRS --> [link](http://x/GvHD) [@MRD2020] @fig-ORR $\\mathrm{PFS}$.\n\n```\nDLT\n```\n',
    ));
  test('an exempt key the document defines in another sense needs its definition in each scope', () =>
    check('undefined-abbreviation', '---\nabstract: |\n  Those given «SD» vaccines did well.\n---\n\nWe gave a standard dose (SD) vaccine. SD vaccines worked.'));
  test('the list of abbreviations reads an exempt key defined in another sense as the rules do', () => {
    const text = 'We gave a standard dose (SD) vaccine. SD vaccines worked.\n\n![Titres after SD vaccines.](f.png)\n';
    assert.deepEqual(service.abbreviations({ uri: 'a.md', version: 1, text }).undefined.map((u) => u.short), ['SD']);
  });
  test('a unit\'s letters defined as a count (reads per million) are an abbreviation each legend needs', () =>
    check('undefined-abbreviation', 'Coverage is given in reads per million (RPM). RPM rose.\n\n![Windows with non-zero «RPM» values.](f.png)\n\nThe rotor ran at 4000 rpm.'));
  test('an exempt key defined in its usual sense stays exempt', () =>
    check('undefined-abbreviation', '---\nabstract: |\n  Titres are given as mean and SD.\n---\n\nValues are the standard deviations (SD) of titres. SD was small.'));
  test('abstract is its own scope', () =>
    check('undefined-abbreviation', '---\nabstract: |\n  Natural killer (NK) cells.\n---\n\n«NK» cells in the main text.'));
  test('each legend is its own scope', () =>
    check('undefined-abbreviation', 'Natural killer (NK) cells.\n\n**Figure 1.** «NK» cells in a legend.\n\n**Figure 2.** Natural killer (NK) cells here.'));
  test('document scope mode joins the scopes', () =>
    check('undefined-abbreviation', '---\nabstract: |\n  Natural killer (NK) cells.\n---\n\nNK cells in the main text.\n\n**Figure 1.** NK cells.', 'test.md', 'document'));
  test('plain text files are all prose', () => check('undefined-abbreviation', 'The «GMP» rules `GMP`.', 'notes.txt'));
  test('a use inside a long form is part of that name', () =>
    check('undefined-abbreviation', 'DNAX-activating protein 10 (DAP10) signals.'));
  test('unless the text also writes it on its own: then it is first met inside the long form', () =>
    check('undefined-abbreviation', '## Abstract\n\nQuark veterans affairs (QVA) data.\n\n# Introduction\n\nPatients of the Boise «QVA» Medical Center (BQVAMC) enrolled. The QVA paid.'));
});

describe('figure and table references are not abbreviations', () => {
  const cases: [string, string][] = [
    ['panel labels after figure and table words', 'Cells grew (Figure 1A; Fig. 2B-D; Figs. 3A and 4C; Table S1; Supplementary Fig. S2B; Extended Data Fig. 5a).'],
    ['panels glued to a cross-reference', 'Fits held ([@fig-fits]C-D).'],
    ['a panel range opening a legend', '**Figure 1.** Model fits. A-B) Fits of the dose. C-E) Doses per donor (F-H).'],
    ['an abbreviation right after a figure reference is still a use', 'Cells grew (Figure 1A) «NK» cells rose.'],
    ['a figure word without a label is a use', 'The «FIG» fusion was seen (FIG. 2B).'],
    ['a wide letter range is a use', 'Carriers of «A-T» were seen (Figure 2).'],
  ];
  for (const [name, source] of cases) test(name, () => check('undefined-abbreviation', source));
});

describe('quotations next to a citation are the cited work', () => {
  test('a definition in a quoted title does not define', () =>
    check('undefined-abbreviation', 'As reported in "Natural killer (NK) cells in solid tumours" [@lee2020], «NK» cells persist.'));
  test('a use in a quoted title does not count', () =>
    check('unused-abbreviation', 'Natural killer («NK») cells were tested; see \u201cNK cells and the tumour niche today\u201d [@lee2020].'));
  test('a quotation without a citation is the author\'s text', () =>
    check('undefined-abbreviation', 'We call them "natural killer (NK) cells of the liver" here; NK cells persist.'));
});

describe('markup stays out of definitions', () => {
  const cases: { source: string; short: string; long: string; written: string }[] = [
    { source: 'The _Severe acute respiratory syndrome-related coronavirus_ (SARS-CoV-1) spread.', short: 'SARS-CoV-1', long: 'Severe acute respiratory syndrome-related coronavirus', written: 'Severe acute respiratory syndrome-related coronavirus' },
    { source: 'By **single-nucleus RNA sequencing** (snRNA-seq) here.', short: 'snRNA-seq', long: 'single-nucleus RNA sequencing', written: 'single-nucleus RNA sequencing' },
    { source: 'By single-nucleus RNA sequencing (**snRNA-seq**) here.', short: 'snRNA-seq', long: 'single-nucleus RNA sequencing', written: 'single-nucleus RNA sequencing' },
    { source: 'Some *natural killer* (*NK*) cells.', short: 'NK', long: 'natural killer', written: 'natural killer' },
    { source: 'Tumour **necrosis factor (TNF)** rose.', short: 'TNF', long: 'Tumour necrosis factor', written: 'Tumour **necrosis factor' },
    { source: 'The _severe acute respiratory syndrome coronavirus_ 2 (SARS-CoV-2).', short: 'SARS-CoV-2', long: 'severe acute respiratory syndrome coronavirus 2', written: 'severe acute respiratory syndrome coronavirus_ 2' },
    { source: '😀\tThe __interferon gamma__ (IFN-γ) rose.\r\n', short: 'IFN-γ', long: 'interferon gamma', written: 'interferon gamma' },
  ];
  for (const c of cases) {
    test(c.source, () => {
      const model = service.model({ uri: 'test.md', version: 1, text: c.source });
      const found = model.definitions.map((d) => [d.short, d.long, c.source.slice(d.longStart, d.longEnd), c.source.slice(d.shortStart, d.shortEnd)]);
      assert.deepEqual(found, [[c.short, c.long, c.written, c.short]]);
    });
  }
  test('no emphasis marker in a conflicting-expansion message', () => {
    const text = 'Some **chimeric antigen receptor** (CAR) cells.';
    assert.deepEqual(service.lint({ uri: 'test.md', version: 1, text }).filter((d) => d.code === 'conflicting-expansion'), []);
  });
});

describe('redefined-abbreviation', () => {
  test('second definition in the same scope', () =>
    check('redefined-abbreviation', 'Graft-versus-host disease (GvHD) is rare. Later, graft-versus-host disease («GvHD») again.'));
  test('definitions in different scopes are expected', () =>
    check('redefined-abbreviation', '---\nabstract: Natural killer (NK) cells.\n---\n\nNatural killer (NK) cells.\n\n**Figure 1.** Natural killer (NK) cells.'));
});

describe('fixes that would join two abbreviations', () => {
  test('a repeated definition right after another abbreviation is not collapsed unattended', () => {
    const text = 'Natural killer (NK) cells grew. The anti-QX9 CAR natural killer (NK) cells and NK cells.';
    assert.equal(service.fixAll({ uri: 'x.md', version: 1, text }).text.includes('CAR NK'), false);
    const plain = 'Natural killer (NK) cells grew. Later natural killer (NK) cells and NK cells.';
    assert.equal(service.fixAll({ uri: 'x.md', version: 1, text: plain }).text, 'Natural killer (NK) cells grew. Later NK cells and NK cells.');
  });
});

describe('unused-abbreviation', () => {
  test('defined and never used again', () => check('unused-abbreviation', 'Natural killer («NK») cells kill.'));
  test('a use inside another definition\'s long form counts', () =>
    check('unused-abbreviation', 'Angiotensin-converting enzyme (ACE) blockers and ACE inhibitors (ACEIs); ACEIs helped.'));
  test('a single-letter short form is not judged (its uses cannot be seen)', () =>
    check('unused-abbreviation', 'The spike (S) protein binds; the S protein is large. Natural killer («NK») cells.'));
  test('a short form in code font is used in code font, inside a label (`0.ANQ4`, `1.ORT`); joined to letters it is not', () =>
    check('unused-abbreviation', 'Biovars *antiquor* (`ANQ`), *orientor* (```ORT```) and *medialis* (`«MDL»`).\n\nClades `0.ANQ4` and ```1.ORT``` split; `MDLX` is another label.'));
  test('a short form in prose is not used by a code span', () =>
    check('unused-abbreviation', 'Natural killer («NK») cells; the flag `NK` is set.'));
});

describe('settings', () => {
  test('a rule set to off reports nothing; severity overrides apply', () => {
    const text = 'We measured ADCC.';
    assert.equal(service.lint({ uri: 'a.md', version: 1, text }, { rules: { 'undefined-abbreviation': 'off' } }).length, 0);
    const [d] = service.lint({ uri: 'a.md', version: 1, text }, { rules: { 'undefined-abbreviation': 'error' } });
    assert.equal(d?.severity, 'error');
  });
});

describe('abbreviations report', () => {
  test('the issue example', () => {
    const text = 'ADCC kills targets. Later, antibody-dependent cellular cytotoxicity (ADCC) was measured.';
    const report = service.abbreviations({ uri: 'a.md', version: 0, text });
    assert.deepEqual(report.definitions, [
      { short: 'ADCC', long: 'antibody-dependent cellular cytotoxicity', key: 'ADCC', scope: 'main', range: { start: { line: 0, character: 69 }, end: { line: 0, character: 73 } } },
    ]);
    assert.deepEqual(report.undefined, []);
  });
  test('undefined abbreviations are listed once per scope', () => {
    const report = service.abbreviations({ uri: 'a.md', version: 0, text: 'GMP and GMP.\n\n**Figure 1.** GMP.' });
    assert.deepEqual(report.undefined.map((u) => [u.short, u.scope]), [['GMP', 'main'], ['GMP', 'legend:Figure 1']]);
  });
});

describe('e-mail addresses and US state codes in an address define and mention nothing', () => {
  test('an address in brackets after initials is no long form', () => {
    const text = 'Corresponding authors: QZ (Qing.Zhu@uni-x.edu) and RB (rb@lab.org).\n\nQZ wrote it.';
    const model = service.model({ uri: 'a.md', version: 1, text });
    assert.deepEqual(model.definitions.map((d) => d.short), []);
  });
  test('initials with an e-mail address are a person; the same shape without one is an abbreviation to define', () => {
    check('undefined-abbreviation', 'These authors (QZ and RB) contributed equally.\n\nContact: QZ (Qing.Zhu@uni-x.edu), RB (rb@lab.org).\n\nThe «QZX» assay was run by the «PQ» team (see PQ@lab).');
  });
  test('a state code after a place is not undefined; the same capitals in prose are', () => {
    check('undefined-abbreviation', '1. University of Somewhere, Athens, GA, USA.\n2. Medical Centre, Jackson, MS 39216.\n\nFew «MS» patients were enrolled in Athens, GA from 2016.');
  });
});

describe('conflicting expansions: a suspended hyphen and a head noun added', () => {
  test('a suspended hyphen is completed by the shared head: the same expansion as the earlier one', () => {
    check('conflicting-expansion', 'Loading-dose (LD) arms were run.\n\nWe compared loading- (LD) and maintenance-dose (MD) arms.');
    const text = 'We compared loading- (LD) and maintenance-dose (MD) arms.';
    const model = service.model({ uri: 'a.md', version: 1, text });
    assert.deepEqual(model.definitions.map((d) => `${d.short}=${d.long}`), ['LD=loading-dose', 'MD=maintenance-dose']);
  });
  test('a suspended hyphen with no compound after it defines nothing', () => {
    const text = 'We compared loading- (LD) arms.';
    assert.deepEqual(service.model({ uri: 'a.md', version: 1, text }).definitions.map((d) => d.short), []);
  });
  test('one more word at the end is the head noun, not a conflict; another word is', () => {
    check('conflicting-expansion', 'Older adults given low-dose (OALD) were seen.\n\nOlder adults given low-dose vaccines (OALD) again.');
    check('conflicting-expansion', 'Older adults given low-dose (OALD) were seen.\n\n«Older adults given full-dose» (OALD) again.');
    assert.equal(isSameExpansion('quality-adjusted yield', 'Quality adjusted yields'), true);
    // Learned plurals are the same term: matrices, indices, analyses, criteria; bases stay bases.
    assert.equal(isSameExpansion('position-specific scoring matrix', 'Position-Specific Scoring Matrices'), true);
    assert.equal(isSameExpansion('body mass index', 'body mass indices'), true);
    assert.equal(isSameExpansion('principal component analysis', 'principal component analyses'), true);
    assert.equal(isSameExpansion('response evaluation criterion', 'response evaluation criteria'), true);
    assert.equal(isSameExpansion('nucleotide basis', 'nucleotide bases'), false);
    // A head noun and its gerund name one procedure; a gerund of another word is another term.
    assert.equal(isSameExpansion('quarkulin skin test', 'quarkulin skin testing'), true);
    assert.equal(isSameExpansion('quarkulin skin test', 'quarkulin skin tests'), true);
    assert.equal(isSameExpansion('quarkulin skin test', 'quarkulin skin fitting'), false);
    assert.equal(isSameExpansion('quality-adjusted yield', 'quality-adjusted yield receptor binding'), false);
    assert.equal(isSameExpansion('quality-adjusted yield', 'adjusted yield receptor'), false);
    // A word that makes another term is a conflict, not a head noun.
    check('conflicting-expansion', 'Quantal tomography (QT) at baseline.\n\nLater, «quantal tomography angiography» (QT) was done.');
    assert.equal(isSameExpansion('computed tomography', 'computed tomography angiography'), false);
    // A place's head noun: the same zone with or without it.
    assert.equal(isSameExpansion('quartz–mica transition', 'quartz-mica transition zone'), true);
    // A molecule's part written with or without its class noun is one term.
    assert.equal(isSameExpansion('porcine light chain joining', 'porcine light chain joining region'), true);
    assert.equal(isSameExpansion('viral spike', 'viral spike glycoprotein'), true);
  });
  test('a repeat with a class noun after its long form is redefined, and collapsing it keeps the noun', () => {
    const text = 'The low-dose group (LDG) was seen.\n\nThe low-dose group patients (LDG) came again.';
    const found = service.lint({ uri: 'a.md', version: 1, text }).filter((d) => d.code === 'redefined-abbreviation');
    assert.equal(found.length, 1);
    const fix = found[0]!.data?.fixes?.[0];
    // The class noun the long form leaves out stays; the fix keeps every word of the sentence.
    assert.equal(fix?.edits[0]?.newText, 'LDG patients');
  });
});

// A list in the running text defines from where it stands (issue 14): a back-matter
// `## Abbreviations` section does not define a first use before it; a front one covers the text.
describe('abbreviation lists in the running text', () => {
  const backList = '\n\n## Abbreviations\n\nQTE, quiet tumour edge; QKC, quick killer cell.\n';
  const lint = (text: string) => service.lint({ uri: 'list.md', version: 1, text });
  const at = (text: string, code: string, token: string) => lint(text).find((d) => d.code === code && text.slice(d.start, d.end) === token);

  test('a back list: a first use it alone spells out is information, naming the list and its long form', () => {
    const text = '# Results\n\nThe QTE held few cells.' + backList;
    const found = at(text, 'undefined-abbreviation', 'QTE');
    assert.equal(found?.severity, 'information');
    assert.match(found!.message, /listed on line 7 give 'quiet tumour edge'/);
    assert.match(JSON.stringify(found!.data?.fixes), /quiet tumour edge \(QTE\)/);
  });
  test('a back list: a text definition after the first use is still used before definition', () => {
    const text = '# Results\n\nThe QKC count rose. Quick killer cells (QKCs) were sorted.' + backList;
    assert.equal(at(text, 'used-before-definition', 'QKC')?.severity, 'warning');
    assert.equal(at(text, 'undefined-abbreviation', 'QKC'), undefined);
  });
  test('a back list: a compound through a listed part is information too', () => {
    const text = '# Results\n\nThe QKC-T cells rose.' + backList;
    assert.match(at(text, 'undefined-abbreviation', 'QKC-T')?.message ?? '', /give 'QKC' as 'quick killer cell'/);
  });
  test('a front list covers what follows; uses after a back list are defined by it', () => {
    const front = '## Abbreviations\n\nQTE, quiet tumour edge; QKC, quick killer cell.\n\n# Results\n\nThe QTE held few QKCs.\n';
    assert.deepEqual(lint(front).filter((d) => d.code === 'undefined-abbreviation' || d.code === 'used-before-definition'), []);
    const after = 'Intro text.' + backList + '\n# Appendix\n\nThe QTE again.\n';
    assert.equal(at(after, 'undefined-abbreviation', 'QTE'), undefined);
  });
  test('a legend\'s key at its end still covers the legend', () => {
    const text = 'Main text.\n\n**Figure 1.** The QTE of tumours. Abbreviations: QTE, quiet tumour edge.\n';
    assert.equal(at(text, 'undefined-abbreviation', 'QTE'), undefined);
  });
});

// A part of a long form written as its own known abbreviation is the same expansion (issue 14).
describe('conflicting-expansion and a long form with an abbreviated part', () => {
  test('a part the knowledge base expands one way is read written out', () => {
    check('conflicting-expansion', 'Cells carried membrane-bound IL-15 (mbIL-15); mbIL-15 rose.');
    check('conflicting-expansion', 'We made CAR natural killer (CAR-NK) cells; CAR-NK cells grew.');
  });
  test('a wrong word beside the abbreviated part is still a conflict', () => {
    check('conflicting-expansion', 'We made «CAR neural killer» (CAR-NK) cells; CAR-NK cells grew.');
  });
  test('a part the document defines is read as it defines it', () => {
    // Made up: `quiet myeloid cells (qMC)`, then a key and a legend giving `activated qMC` and its words.
    check('conflicting-expansion', 'We saw quiet myeloid cells (qMC).\n\nActivated qMC (act qMC) rose.\n\nLater activated quiet myeloid cells (act qMC) fell; act qMC again.');
    check('conflicting-expansion', 'We saw quiet myeloid cells (qMC).\n\nActivated qMC (act qMC) rose.\n\nLater «acute quiet myeloid cells» (act qMC) fell; act qMC again.');
  });
  test('two names joined by a slash define each abbreviation only where each half spells it', () => {
    const pair = 'Data came from New Quay Presbyterian/Quiet University Medical Center (NQP/QUMC) hospital. NQP and QUMC again.';
    assert.deepEqual(service.model({ uri: 'a.md', version: 1, text: pair }).definitions.map((d) => `${d.short}=${d.long}`), ['NQP=New Quay Presbyterian', 'QUMC=Quiet University Medical Center']);
    check('undefined-abbreviation', pair);
    // A shared head noun (`estrogen/progesterone receptor`) spells neither half: the pair stays whole, no conflict later.
    check('conflicting-expansion', 'Tumors were stained for quiet/resting receptor (QR/RR). The quiet receptor (QR) status was recorded.');
  });
  test('a statistic written with or without its noun is one term', () => {
    assert.equal(isSameExpansion('intraclass correlation', 'Intraclass correlation coefficients'), true);
  });
  test('a resource or a study written with or without the noun of what it is is one name', () => {
    assert.equal(isSameExpansion('The Quiet Genome Atlas', 'The Quiet Genome Atlas Program'), true);
    assert.equal(isSameExpansion('Genotype-Quiet Expression', 'Genotype-Quiet Expression Project'), true);
    assert.equal(isSameExpansion('Quiet Genome Atlas', 'Quiet Genome Atlas Browser'), false);
    // An organisation's letters name its instrument too: up to two words and the instrument's noun.
    assert.equal(isSameExpansion('Quiet Cooperative Zonal Group', 'Quiet Cooperative Zonal Group physical performance score'), true);
    assert.equal(isSameExpansion('Quiet Cooperative Zonal Group', 'Quiet Cooperative Zonal Group performance status'), true);
    assert.equal(isSameExpansion('quiet zonal tomography', 'quiet zonal tomography angiography'), false);
    assert.equal(isSameExpansion('interleukin-99', 'interleukin-99 receptor'), false);
    // Only after an organisation's name: a measure with `index` added is another measure.
    assert.equal(isSameExpansion('quiet body mass', 'quiet body mass index'), false);
    assert.equal(isSameExpansion('quiet zonal tomography', 'quiet zonal tomography severity score'), false);
    check('conflicting-expansion', 'We used the Quiet Genome Atlas (QGA).\n\n# Results\n\nThe Quiet Genome Atlas Program (QGA) data were used; QGA again.');
  });
  test('the knowledge base\'s expansion after a wrong one is the fix, not the fault; the wrong one after the right one is reported', () => {
    check('conflicting-expansion', 'Grade 2 «immune cell-associated neurologic syndrome» (ICANS) was seen; ICANS resolved.\n\nLater, immune effector cell-associated neurotoxicity syndrome (ICANS) recurred; ICANS again.');
    check('conflicting-expansion', 'Grade 2 immune effector cell-associated neurotoxicity syndrome (ICANS) was seen; ICANS resolved.\n\nLater, «immune cell-associated neurologic syndrome» (ICANS) recurred; ICANS again.');
  });
  test('a symbol that ends the expansion may carry its isoform; a part read out may run on with what it is', () => {
    check('conflicting-expansion', 'Cells carried a high-affinity non-cleavable CD16a (hnCD16); hnCD16 bound.');
    check('conflicting-expansion', 'Cells carried membrane-bound IL-15/IL-15Rα fusion (mbIL-15); mbIL-15 rose.');
  });
  test('a part with several known expansions is read each way; an adjective in -ical is the one in -ic', () => {
    check('conflicting-expansion', 'Two had complete remission (CR) and two CR with incomplete count recovery (CRi); CR and CRi recurred.');
    check('conflicting-expansion', 'Two had complete remission (CR) and two CR with incomplete haematological recovery (CRi); CR and CRi recurred.');
    check('conflicting-expansion', 'Two had complete remission (CR) and two «CR with incomplete cytokine recovery» (CRi); CR and CRi recurred.');
  });
});

// A copy-editor adds the abbreviation where the author spelt the term out, not a second long form (issue 14).
describe('undefined-abbreviation after the long form written out without it', () => {
  const at = (text: string, code: string, token: string) => service.lint({ uri: 'spelt.md', version: 1, text }).find((d) => d.code === code && text.slice(d.start, d.end) === token);
  test('the message names where the term is written out, and the fix introduces the abbreviation there', () => {
    const text = 'Antibody-dependent cellular cytotoxicity is central.\n\nLater, ADCC rose and ADCC fell.\n';
    const finding = at(text, 'undefined-abbreviation', 'ADCC')!;
    assert.match(finding.message, /'Antibody-dependent cellular cytotoxicity' is written out on line 1 without it: introduce '\(ADCC\)' there\./u);
    const fix = finding.data!.fixes![0]!;
    assert.equal(fix.title, "Introduce '(ADCC)' after 'Antibody-dependent cellular cytotoxicity' on line 1");
    assert.equal(fix.safe, false);
    const edit = fix.edits[0]!;
    assert.equal(text.slice(0, edit.range.start.character) + edit.newText, 'Antibody-dependent cellular cytotoxicity (ADCC)');
  });
  test('a plural long form takes the plural abbreviation', () => {
    const text = 'Two chimeric antigen receptors were built. Both CARs worked.\n';
    const fix = at(text, 'undefined-abbreviation', 'CAR')?.data?.fixes?.[0];
    assert.equal(fix?.edits[0]?.newText, ' (CARs)');
  });
  test('the term written in another scope, inside brackets, or after the use does not count', () => {
    const abstract = '## Abstract\n\nAntibody-dependent cellular cytotoxicity rose.\n\n## Introduction\n\nADCC rose.\n';
    assert.match(at(abstract, 'undefined-abbreviation', 'ADCC')!.message, /define it at first use/u);
    const bracketed = 'NK cells kill (by antibody-dependent cellular cytotoxicity) well. ADCC rose.\n';
    assert.match(at(bracketed, 'undefined-abbreviation', 'ADCC')!.message, /define it at first use/u);
    const after = 'ADCC rose. Antibody-dependent cellular cytotoxicity is central.\n';
    assert.match(at(after, 'undefined-abbreviation', 'ADCC')!.message, /define it at first use/u);
  });
});

// A fix writes an expansion only where it explains the short form, numbers included (issue 14).
describe('undefined-abbreviation: the expansion a fix offers writes the short form\'s numbers', () => {
  const at = (text: string, token: string) => service.lint({ uri: 'numbers.md', version: 1, text }).find((d) => d.code === 'undefined-abbreviation' && text.slice(d.start, d.end) === token);
  test('a variant named by another number gets no borrowed expansion', () => {
    const finding = at('Signalling through IL-15Rβ rose. IL-15Rβ fell.\n', 'IL-15Rβ')!;
    assert.match(finding.message, /define it at first use\.$/u);
    assert.equal(finding.data?.fixes, undefined);
  });
  test('an expansion that writes the number is offered', () => {
    assert.match(at('Signalling through IL-2Rβ rose. IL-2Rβ fell.\n', 'IL-2Rβ')!.message, /'interleukin-2 receptor β \(IL-2Rβ\)'/u);
  });
});

// Headings stand apart from the running text (issue 14: the judges called these house style).
describe('redefined-abbreviation in a heading', () => {
  const redefined = (text: string) => service.lint({ uri: 'heading.md', version: 1, text }).filter((d) => d.code === 'redefined-abbreviation').map((d) => `${text.slice(d.start, d.end)} ${d.severity}`);
  test('a definition repeated in a heading is a note; in the running text a warning', () => {
    const text = 'Quality-adjusted vaccine effect (QVE) was high. QVE rose.\n\n## Quality-adjusted vaccine effect (QVE) by age\n\nQVE fell. Later, quality-adjusted vaccine effect (QVE) rose again.\n';
    assert.deepEqual(redefined(text), ['QVE information', 'QVE warning']);
  });
});

describe('unused-abbreviation: glosses and uses inside longer compounds', () => {
  const unused = (text: string) => service.lint({ uri: 'unused.md', version: 1, text }).filter((d) => d.code === 'unused-abbreviation').map((d) => text.slice(d.start, d.end));
  test('a CD name in brackets after a molecule\'s name is its other name, not an abbreviation to use again', () => {
    assert.deepEqual(unused('The CAR carried the cytoplasmic domain of 2B4 (CD244) and the common γ chain (CD132).\n'), []);
  });
  test('a use inside a longer hyphen-joined name counts, a run of its parts included', () => {
    assert.deepEqual(unused('Targets carried firefly luciferase and QFP (ffLuc-QFP). QOLM-13-ffLuc-QFP cells grew.\n'), []);
    assert.deepEqual(unused('Targets carried firefly luciferase and QFP (ffLuc-QFP). QOLM-13 cells grew.\n'), ['ffLuc-QFP']);
  });
  test('an abbreviation journals accept undefined, defined and never used again, is still reported', () => {
    assert.deepEqual(unused('The World Health Organization (WHO) declared a pandemic.\n'), ['WHO']);
  });
});

describe('a numbered name and its sibling number before a slash', () => {
  test('`QAK1/2-QTAT1` names QAK1, QAK2 and QTAT1; the `2` is no part of QTAT1', () =>
    check('undefined-abbreviation', 'Induced through «QAK1»/2-«QTAT1» signalling, and «QRK1»/2-dependent too.'));
  test('a number that opens the next name stays in it', () =>
    check('undefined-abbreviation', 'Domains «QD28»/«4-1QQ» and a 5/«5-QU» regimen.'));
});

describe('the label of a symbol in inline math', () => {
  test('is not reported undefined, and still counts as a use', () => {
    check('undefined-abbreviation', 'We computed the dissimilarity ($\\theta$~QC~) and the «QZ» rose.\n');
    // The scope's other uses are read as if the label were not there.
    check('undefined-abbreviation', 'The rate $k$~QZR~ rose, «QZR» rose, and QZR fell.\n');
    const text = 'The rate $k$~QZR~ rose.\n\nThe quark zone regulator (QZR) was measured.\n';
    const found = service.lint({ uri: 'm.md', version: 1, text }).map((d) => `${d.code}:${text.slice(d.start, d.end)}`);
    assert.deepEqual(found, ['used-before-definition:QZR']);
  });
});

describe('a long form through an inner definition', () => {
  test('two levels deep: `quark zone (QZ) yield (QZY) ratio (QZYR)` defines all three', () =>
    check('undefined-abbreviation', 'The quark zone (QZ) yield (QZY) ratio (QZYR) rose; QZ, QZY and QZYR fell.\n'));
  test('a bracket of words in a long form is no inner short form: the expansions still conflict', () =>
    check('conflicting-expansion', 'The quark zone marker (QZM) rose and QZM fell.\n\nAbbreviations: QZM, «quark (type B) zone marker»; QYM, quark yield marker; QXM, quark x marker.\n'));
  test('is the same expansion as the one without the inner bracket: a redefinition, no conflict', () => {
    const text = 'The quark zone ratio (QZR) rose.\n\nLater the quark zone (QZ) ratio (QZR) and QZ fell.\n';
    const codes = service.lint({ uri: 'i.md', version: 1, text }).map((d) => d.code);
    assert.ok(codes.includes('redefined-abbreviation') && !codes.includes('conflicting-expansion'), codes.join(' '));
  });
});

describe('a quantity after a difference sign', () => {
  test('ΔQLPD is a use of the defined QLPD: neither undefined nor leaving QLPD unused', () => {
    const text = 'We compare the quark log predictive density (QLPD) of models.\n\nThe ΔQLPD and ∆QLPD of each model are shown.\n';
    const found = service.lint({ uri: 'd.md', version: 1, text }).map((d) => `${d.code}:${text.slice(d.start, d.end)}`);
    assert.deepEqual(found, []);
  });
  test('where the quantity is undefined, the signed name is reported whole, as written', () =>
    check('undefined-abbreviation', 'Levels of «ΔQp63» and of «ΔΔQt» rose.'));
  test('a definition is written safely after punctuation, never at a use glued to a word or a sign', () => {
    const safeAt = (text: string): boolean[] =>
      service.lint({ uri: 's.md', version: 1, text }).flatMap((d) => (d.data?.fixes ?? []).map((fix: { safe?: boolean }) => fix.safe === true));
    assert.deepEqual(safeAt('A rise—QYR came, then the quark yield regulator (QYR) here and QYR.\n'), [true]);
    assert.deepEqual(safeAt("The 5'QXR region, then the quark x region (QXR) and QXR.\n"), [false]);
    assert.deepEqual(safeAt("Then 'QXR' came, then the quark x region (QXR) and QXR.\n"), [true]);
    assert.deepEqual(safeAt('Then the&nbsp;QXR came, then the quark x region (QXR) and QXR.\n'), [true]);
    for (const glued of ['$n$', '`c`', '∆', '±', '[l](http://u)', '<b>']) {
      assert.deepEqual(safeAt(`Then ${glued}QXR came, then the quark x region (QXR) and QXR.\n`), [false], glued);
    }
  });
  test('a sign written as markup: the use starts after it, and no fix writes into the markup', () => {
    const text = 'The $\\Delta$QZR and &Delta;QZR values rose.\n\nThe quark zone regulator (QZR) was high, and QZR fell.\n';
    const found = service.lint({ uri: 'n.md', version: 1, text });
    assert.deepEqual(found.map((d) => `${d.code}:${text.slice(d.start, d.end)}`), ['used-before-definition:QZR']);
    assert.ok(found.every((d) => (d.data?.fixes ?? []).every((fix: { safe?: boolean }) => !fix.safe)), 'no safe fix at a use glued to a sign');
  });
});

describe('a name after a prefix the document defines', () => {
  test('hIgG1 is a use of the exempt IgG1, hQZR1 of QZR1 (reported where it is first written), hQX of QX', () =>
    check('undefined-abbreviation', 'Cells lacking human (h)«QZR1» or mouse (m)«QZR4» were used.\n\nBinding of hIgG1 to hQZR1 and of mIgG2a to mQZR4 rose; h«QX» too.'));
  test('the name is reported at the name, once per scope', () => {
    const text = 'Cells were from human (h) donors and human (h)QZR1 was used.\n\nBinding to hQZR5 and hQZR5 again rose.';
    const found = service.lint({ uri: 'a.md', version: 1, text }).filter((d) => d.code === 'undefined-abbreviation');
    assert.deepEqual(found.map((d) => text.slice(d.start, d.end)), ['QZR1', 'QZR5']);
  });
  test('without the prefix defined, the prefixed form is its own undefined abbreviation', () =>
    check('undefined-abbreviation', 'Binding of «hQZR1» rose.'));
});
