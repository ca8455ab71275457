// The variant policy of docs/rules.md ("One policy for variants"), one table per point, each
// with a wrong and a right case. Sentences are made up.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadBuiltinKnowledge } from '../../server/src/service/knowledge/builtin';
import { latinStandInForm } from '../../server/src/service/knowledge/derivedForms';
import { createTerminologyService, type TerminologyDiagnostic } from '../../server/src/service/index';
import { parseMarked } from '../helpers/marked';

const service = createTerminologyService();

function lint(text: string): TerminologyDiagnostic[] {
  return service.lint({ uri: 'policy.md', version: 1, text });
}

/** A policy case: the «marked» ranges are exactly what `rule` reports, at `severity` when given. */
interface PolicyCase {
  name: string;
  rule: string;
  source: string;
  severity?: string;
  /** Words every reported message must contain (the protein, the guide). */
  says?: string[];
  /** The first fix's replacement text and whether it is safe. */
  fix?: { newText: string; safe: boolean };
}

function checkCase(c: PolicyCase): void {
  const { text, ranges } = parseMarked(c.source);
  const all = lint(text);
  const found = all.filter((d) => d.code === c.rule);
  assert.deepEqual(
    found.map((d) => text.slice(d.start, d.end)),
    ranges.map((r) => text.slice(r.start, r.end)),
    `${c.rule} in ${JSON.stringify(text)}:\n${found.map((d) => d.message).join('\n')}`,
  );
  for (const d of found) {
    if (c.severity) assert.equal(d.severity, c.severity, d.message);
    for (const word of c.says ?? []) assert.ok(d.message.includes(word), `${JSON.stringify(d.message)} names ${word}`);
    if (c.fix) {
      const fix = d.data?.fixes?.[0] as { safe: boolean; edits: { newText: string }[] } | undefined;
      assert.ok(fix, `${d.message} offers a fix`);
      assert.equal(fix.edits[0]!.newText, c.fix.newText);
      assert.equal(fix.safe, c.fix.safe);
    }
    // One token, one diagnostic: nothing else is said of the same token.
    const others = all.filter((o) => o !== d && o.start >= d.start && o.end <= d.end);
    assert.deepEqual(others.map((o) => `${o.code}: ${o.message}`), [], `only ${c.rule} on '${text.slice(d.start, d.end)}'`);
  }
}

function table(title: string, cases: PolicyCase[]): void {
  describe(title, () => {
    for (const c of cases) test(c.name, () => checkCase(c));
  });
}

table('open forms CAR T and CAR NK are variants of CAR-T and CAR-NK', [
  { name: 'wrong: CAR NK once among CAR-NK', rule: 'inconsistent-variants', severity: 'information', source: 'Natural killer (NK) cells with a chimeric antigen receptor (CAR) were built as CAR-NK cells. The «CAR NK» cells and the CAR-NK products were frozen.', says: ['open and the hyphenated'] },
  { name: 'wrong: CAR-T once among CAR T', rule: 'inconsistent-variants', source: 'A chimeric antigen receptor (CAR) on T cells gives CAR T cells. Unlike other CAR T cells, «CAR-T» cells here were young.' },
  { name: 'right: the open form throughout is not inconsistent', rule: 'inconsistent-variants', source: 'We built CAR NK cells. The CAR NK cells and CAR T cells were frozen.' },
  { name: 'right: the open form throughout is not discouraged', rule: 'discouraged-variant', source: 'We built CAR NK cells. The CAR NK cells and CAR T cells were frozen.' },
]);

table('a spelled-out Greek letter in a symbol: one rule for all, a warning with a safe fix', [
  { name: 'wrong: IFN-gamma', rule: 'discouraged-variant', severity: 'warning', source: 'Cells secreted «IFN-gamma».', fix: { newText: 'IFN-γ', safe: true } },
  { name: 'wrong: TGF-beta', rule: 'discouraged-variant', severity: 'warning', source: 'Tumours secrete «TGF-beta».', fix: { newText: 'TGF-β', safe: true } },
  { name: 'wrong: CD3 zeta', rule: 'discouraged-variant', severity: 'warning', source: 'The CAR signals through «CD3 zeta».', fix: { newText: 'CD3ζ', safe: true } },
  { name: 'wrong: SIRPalpha', rule: 'discouraged-variant', severity: 'warning', source: 'CD47 binds «SIRPalpha» on macrophages.', fix: { newText: 'SIRPα', safe: true } },
  { name: 'wrong: IL-15R alpha (the symbol is not also reported undefined)', rule: 'discouraged-variant', severity: 'warning', source: 'Cells carried «IL-15R alpha».', fix: { newText: 'IL-15Rα', safe: true } },
  { name: 'wrong: FcgammaRIIIa, a form no entry lists by hand', rule: 'discouraged-variant', source: 'NK cells carry «FcgammaRIIIa».', fix: { newText: 'FcγRIIIa', safe: true } },
  { name: 'right: the letters themselves', rule: 'discouraged-variant', source: 'IFN-γ, TGF-β, CD3ζ, SIRPα and IL-15Rα were measured.' },
  { name: 'right: a letter name in ordinary prose (gamma delta T cells, gammaretroviral vectors)', rule: 'discouraged-variant', source: 'We compared gamma delta T cells made with gammaretroviral vectors.' },
]);

table('a Latin letter typed for a symbol\'s Greek letter: a warning naming the letter, its fix the form it stands for', [
  { name: 'wrong: IL1b, a form no entry lists by hand', rule: 'discouraged-variant', severity: 'warning', source: 'Levels of «IL1b» rose.', says: ['Latin letter b', 'beta'], fix: { newText: 'IL1β', safe: true } },
  { name: 'wrong: TNF-a', rule: 'discouraged-variant', severity: 'warning', source: 'Levels of «TNF-a» rose.', says: ['alpha'], fix: { newText: 'TNF-α', safe: true } },
  { name: 'wrong: NF-kB', rule: 'discouraged-variant', severity: 'warning', source: 'Signalling activated «NF-kB».', says: ['kappa'], fix: { newText: 'NF-κB', safe: true } },
  { name: 'wrong: FcgRIIIA', rule: 'discouraged-variant', source: 'NK cells carry «FcgRIIIA».', fix: { newText: 'FcγRIIIA', safe: true } },
  { name: 'right: the gene symbols in capitals are not the Latin forms (IL1B, TNF, NFKB1)', rule: 'discouraged-variant', source: 'Reads of *IL1B*, *TNF* and *NFKB1* were counted.' },
  { name: 'right: a Latin form matches as written, not in capitals (TNF-A, EF-1A)', rule: 'discouraged-variant', source: 'The EF-1A promoter drove it, and TNF-A rose.' },
  { name: 'wrong: a quotation marked around a front matter\'s value is the value\'s syntax', rule: 'discouraged-variant', source: '---\ntitle: "Serum «IFN-gamma» after the infusion of cells"\n---\n\nText.\n' },
  { name: 'wrong: marks paired from the paragraph\'s start, however long it is', rule: 'discouraged-variant', source: `Some were called "responders" here. ${'Many more words followed in this long sentence. '.repeat(8)}Serum «IFN-gamma» rose, and the "non-responders" did not change.` },
  { name: 'right: a quoted name keeps its source\'s spelling', rule: 'discouraged-variant', source: 'Pathways such as “QRAF6 mediated induction of NF-kB and kinases” and "Signalling by TNF-a in quiet cells" rose.' },
  { name: 'wrong: a scare-quoted form, or a form outside the quotation, is still the author\'s', rule: 'discouraged-variant', source: 'The “«IL-1b»” signal and «TNF-a» after “a quoted title here” rose.' },
]);

table('a gene symbol in roman for its protein: information, naming the protein', [
  { name: 'wrong: GZMB', rule: 'discouraged-variant', severity: 'information', source: 'NK cells released «GZMB» into the synapse.', says: ["'granzyme B'", '*GZMB*'] },
  { name: 'wrong: PRF1', rule: 'discouraged-variant', severity: 'information', source: 'NK cells released «PRF1» into the synapse.', says: ["'perforin'"] },
  { name: 'wrong: KLRK1', rule: 'discouraged-variant', severity: 'information', source: 'Surface «KLRK1» was stained.', says: ["'NKG2D'"] },
  { name: 'wrong: NCR1', rule: 'discouraged-variant', severity: 'information', source: 'Surface «NCR1» was stained.', says: ["'NKp46'"] },
  { name: 'wrong: FCGR3A', rule: 'discouraged-variant', severity: 'information', source: 'Surface «FCGR3A» was shed after activation.', says: ["'CD16a'"] },
  { name: 'wrong: IFNG', rule: 'discouraged-variant', severity: 'information', source: 'Cells secreted «IFNG» into the medium.', says: ["'IFN-γ'"] },
  { name: 'wrong: LAG3', rule: 'discouraged-variant', severity: 'information', source: 'Antibodies blocked «LAG3» on the cells.', says: ["'LAG-3'"] },
  { name: 'wrong: CTLA4', rule: 'discouraged-variant', severity: 'information', source: 'Antibodies blocked «CTLA4» on the cells.', says: ["'CTLA-4'"] },
  { name: 'right: the protein names', rule: 'discouraged-variant', source: 'Granzyme B, perforin, NKG2D, NKp46, CD16a, IFN-γ, LAG-3 and CTLA-4 were measured.' },
  { name: 'right: italics name the gene', rule: 'discouraged-variant', source: 'Reads of *GZMB* and *PRF1* were counted.' },
  { name: 'right: in a gene context the symbol is the gene, not the protein', rule: 'discouraged-variant', source: 'GZMB mRNA rose, KLRK1 knockout cells died and the FCGR3A polymorphism mattered.' },
  { name: 'right: letters the author defines as another abbreviation are not the gene symbol', rule: 'discouraged-variant', source: 'Fatty acid synthase (FAS) rose; FAS inhibitors were added.' },
  { name: 'wrong: the symbol defined as the protein is still the gene symbol', rule: 'discouraged-variant', source: 'Cells release granzyme B («GZMB»); «GZMB» then enters the target.', says: ["'granzyme B'"] },
    { name: 'wrong: in a gene context the question is italics', rule: 'gene-not-italic', source: '«GZMB» mRNA rose and «KLRK1» knockout cells died.' },
  { name: 'wrong: NFKB is a non-standard form of NF-κB', rule: 'discouraged-variant', severity: 'warning', source: 'Signalling activated «NFKB».', fix: { newText: 'NF-κB', safe: true } },
  { name: 'right: NF-κB', rule: 'discouraged-variant', source: 'Signalling through nuclear factor κB (NF-κB) rose; NF-κB moved.' },
]);

table('style choices are information, with the guide named', [
  { name: 'wrong: qRT-PCR (MIQE)', rule: 'discouraged-variant', severity: 'information', source: 'Transcripts were measured by «qRT-PCR».', says: ['MIQE', "'RT-qPCR'"], fix: { newText: 'RT-qPCR', safe: false } },
  {
    name: 'a style choice is one decision: noted once, at its first use, however often it is written',
    rule: 'discouraged-variant',
    severity: 'information',
    source: 'Transcripts were measured by «qRT-PCR».\n\nLater qRT-PCR and qRT-PCR again.\n\n![Curves by qRT-PCR.](a.png)',
    says: ['MIQE', 'written 4 times'],
    fix: { newText: 'RT-qPCR', safe: false },
  },
  { name: 'right: RT-qPCR', rule: 'discouraged-variant', source: 'Transcripts were measured by RT-qPCR.' },
  { name: 'wrong: Kaplan–Meier mixed with Kaplan-Meier', rule: 'inconsistent-variants', severity: 'information', source: 'Kaplan–Meier curves and Kaplan–Meier estimates agreed with «Kaplan-Meier» plots.', says: ['Chicago', 'AMA'] },
  { name: 'right: the hyphen throughout (AMA style)', rule: 'inconsistent-variants', source: 'Kaplan-Meier curves and Kaplan-Meier estimates agreed.' },
]);

table('a related term is not a variant: never a replacing fix', [
  { name: 'right: cytokine storm is not CRS', rule: 'discouraged-variant', source: 'Cytokine release syndrome (CRS) is one cytokine storm; a cytokine storm also follows infection. CRS was mild.' },
  { name: 'right: CRES is the former name of ICANS', rule: 'discouraged-variant', source: 'The CAR-T-cell-related encephalopathy syndrome (CRES) of early trials is now graded as ICANS; CRES was mild.' },
  { name: 'right: killer inhibitory receptor is an older expansion of KIR', rule: 'discouraged-variant', source: 'Each killer inhibitory receptor binds HLA class I.' },
  { name: 'right: nor are they inconsistent variants', rule: 'inconsistent-variants', source: 'CRS followed; a cytokine storm is broader than CRS. CRES and ICANS were both reported.' },
]);

table('advice never contradicts itself', [
  { name: 'right: granzyme B again after granzyme B (GZMB) is not pushed toward the gene symbol', rule: 'long-form-after-abbreviation', source: 'NK cells release granzyme B (GZMB). Later granzyme B rose and GZMB fell.' },
  { name: 'wrong: a real abbreviation still is', rule: 'long-form-after-abbreviation', source: 'Cytokine release syndrome (CRS) occurred. CRS was graded, and «cytokine release syndrome» resolved.' },
]);

describe('the policy is derived from the data, not listed per entry', () => {
  const kb = loadBuiltinKnowledge();
  const derivedFor = (id: string, basis: string) => kb.byId(id)?.discouraged.filter((d) => d.basis === basis) ?? [];

  test('each gene symbol names the entry whose one gene it is', () => {
    const expected: [string, string, string][] = [
      ['granzyme-b', 'GZMB', 'granzyme B'],
      ['perforin', 'PRF1', 'perforin'],
      ['nkg2d', 'KLRK1', 'NKG2D'],
      ['nkp46', 'NCR1', 'NKp46'],
      ['cd16a', 'FCGR3A', 'CD16a'],
      ['ifn-gamma', 'IFNG', 'IFN-γ'],
      ['lag-3', 'LAG3', 'LAG-3'],
      ['ctla-4', 'CTLA4', 'CTLA-4'],
    ];
    for (const [id, symbol, protein] of expected) {
      assert.deepEqual(derivedFor(id, 'gene-symbol').map((d) => [d.form, d.replacement]), [[symbol, protein]], id);
    }
  });

  test('a part or construct of a protein never takes its gene symbol (CD8α hinge, NKG2D-CAR, hnCD16)', () => {
    for (const id of ['cd8a-hinge', 'nkg2d-car', 'hncd16', 'cd44v6', 'cldn18-2']) assert.deepEqual(derivedFor(id, 'gene-symbol'), [], id);
  });

  test('no entry lists its own single gene symbol as a discouraged form by hand', () => {
    const handListed = kb.entries.flatMap((entry) =>
      entry.genes.length === 1 ? entry.discouraged.filter((d) => !d.basis && d.form === entry.genes[0]!.symbol).map((d) => `${entry.id}: ${d.form}`) : [],
    );
    assert.deepEqual(handListed, []);
  });

  test('the Latin stand-in of a symbol letter: after a letter, digit or hyphen only', () => {
    assert.deepEqual(latinStandInForm('IL-1β'), { form: 'IL-1b', replaced: 'β' });
    assert.deepEqual(latinStandInForm('FcγRIIIa'), { form: 'FcgRIIIa', replaced: 'γ' });
    assert.deepEqual(latinStandInForm('TGF-β receptor II'), { form: 'TGF-b receptor II', replaced: 'β' });
    // A Greek letter opening a word keeps the whole form out; letters without a Latin stand-in, or in prose, derive nothing.
    assert.equal(latinStandInForm('α4β7'), undefined);
    assert.equal(latinStandInForm('αLβ2 integrin'), undefined);
    assert.equal(latinStandInForm('CD3ζ'), undefined);
    assert.equal(latinStandInForm('γδ T cell'), undefined);
    assert.equal(latinStandInForm('IL-15'), undefined);
  });

  test('no entry lists a spelled-out Greek letter by hand where the letter form derives it', () => {
    const derivable = kb.entries.flatMap((entry) =>
      [...entry.variants, ...entry.discouraged.filter((d) => !d.basis).map((d) => d.form)]
        .filter((form) => kb.entries.some((other) => other.discouraged.some((d) => d.basis === 'greek-letter-name' && d.form === form)))
        .map((form) => `${entry.id}: ${form}`),
    );
    assert.deepEqual(derivable, []);
    // And no Greek letter of a symbol is an accepted variant spelled out.
    const spelledVariants = kb.entries.flatMap((entry) =>
      entry.variants.filter((v) => /[A-Z0-9](?:[\s-]?)(?:alpha|beta|gamma|delta|zeta|kappa)\b|\b(?:alpha|beta|gamma|zeta|kappa)[A-Z]/u.test(v)).map((v) => `${entry.id}: ${v}`),
    );
    assert.deepEqual(spelledVariants, []);
  });
});

describe('a project glossary follows the same policy', () => {
  const withGlossary = service.withGlossary([
    {
      id: 'hif-1a',
      preferred: 'HIF-1α',
      expansions: ['hypoxia-inducible factor 1α'],
      variants: [],
      discouraged: [],
      definition: 'A transcription factor subunit stabilised when oxygen is scarce.',
      category: 'project-glossary',
      genes: [{ symbol: 'HIF1A', ncbiGeneId: 3091 }],
      related: [],
      needsDefinition: true,
    },
  ]);
  const reported = (text: string) => withGlossary.lint({ uri: 'glossary.md', version: 1, text }).filter((d) => d.code === 'discouraged-variant');

  test('wrong: its Greek letter spelled out, and its gene symbol for the protein', () => {
    const text = 'Hypoxia-inducible factor 1α (HIF-1α) rose; HIF-1alpha and HIF1A were stained.';
    assert.deepEqual(
      reported(text).map((d) => [text.slice(d.start, d.end), d.severity]),
      [['HIF-1alpha', 'warning'], ['HIF1A', 'information']],
    );
  });
  test('right: the letter, and the gene in italics', () => {
    assert.deepEqual(reported('Hypoxia-inducible factor 1α (HIF-1α) rose; HIF-1α and *HIF1A* were measured.'), []);
  });
});

table('a gene in italics and its protein are not two spellings of one name', [
  { name: 'right: *CISH* the gene, CIS the protein', rule: 'inconsistent-variants', source: 'Cytokine-inducible SH2-containing protein (CIS) is encoded by *CISH*; deleting *CISH* removed CIS.' },
  { name: 'wrong: CISH in roman for the protein among CIS', rule: 'inconsistent-variants', severity: 'information', source: 'Cytokine-inducible SH2-containing protein (CIS) binds JAK1. The «CISH» protein and CIS were both measured, and CIS fell.' },
]);

table('another spelling of a defined term is a use of it, not an undefined abbreviation', [
  { name: 'wrong: GvHD after graft-versus-host disease (GVHD) is one inconsistent spelling', rule: 'inconsistent-variants', source: 'Graft-versus-host disease (GVHD) was rare; «GvHD» was mild.' },
  { name: 'right: nor is it undefined', rule: 'undefined-abbreviation', source: 'Graft-versus-host disease (GVHD) was rare; GvHD was mild.' },
  { name: 'right: and the definition is used', rule: 'unused-abbreviation', source: 'Graft-versus-host disease (GVHD) was rare; GvHD was mild.' },
  { name: 'wrong: an abbreviation the knowledge base does not know, written two ways', rule: 'inconsistent-variants', severity: 'information', source: 'Quasi trait index one (QTI-1) rose; «QTI1» fell and QTI1 rose, then «QtI-1».', says: ["'QTI-1'", 'line 1'] },
  { name: 'right: nor is it undefined, nor the definition unused', rule: 'undefined-abbreviation', source: 'Quasi trait index one (QTI-1) rose; QTI1 fell.' },
  { name: 'right: the gene in italics is not a spelling of the protein', rule: 'inconsistent-variants', source: 'Quasi trait protein 2 (QTP-2) rose, and *QTP2* reads rose.' },
  { name: 'right: what the knowledge base knows apart stays apart (IL2, the gene symbol, is discouraged for IL-2)', rule: 'inconsistent-variants', source: 'Interleukin-2 (IL-2) was added; IL2 reads rose.' },
]);

table('a cell noun is written open; the hyphen belongs to the modifier', [
  { name: 'wrong: NK-cells as a noun', rule: 'discouraged-variant', severity: 'warning', source: 'Natural killer (NK) cells were sorted: «NK-cells» were counted.', fix: { newText: 'NK cells', safe: true } },
  { name: 'wrong: T-cells and B-cells as nouns', rule: 'discouraged-variant', severity: 'warning', source: 'CD8 «T-cells» and «B-cells» were sorted.' },
  { name: 'right: the modifier keeps its hyphen', rule: 'discouraged-variant', source: 'NK-cell killing, T-cell lymphoma and B-cell malignancies, and CAR-T-cells.' },
]);

test('another spelling before the definition is still a first use to define, and inconsistent', () => {
  const text = 'Mild GvHD was seen. Graft-versus-host disease (GVHD) was rare; GVHD again.';
  const codes = lint(text).filter((d) => d.start === 5).map((d) => d.code).sort();
  assert.deepEqual(codes, ['inconsistent-variants', 'undefined-abbreviation']);
});

test('the fix of a style choice changes every use, and only at the author\'s request', () => {
  const text = 'Transcripts were measured by qRT-PCR.\n\nLater qRT-PCRs and qRT-PCR again.\n';
  const [d] = lint(text).filter((found) => found.code === 'discouraged-variant');
  const fix = d?.data?.fixes?.[0] as { title: string; safe: boolean; edits: { newText: string }[] } | undefined;
  assert.equal(fix?.safe, false);
  assert.deepEqual(fix?.edits.map((edit) => edit.newText), ['RT-qPCR', 'RT-qPCRs', 'RT-qPCR']);
  assert.match(fix!.title, /Replace all 3/u);
});

test('a use of a style choice the author switched off is left out of the note and its fix', () => {
  const text = '<!-- carnk-disable-next-line discouraged-variant -->\nTranscripts were measured by qRT-PCR today.\n\nLater qRT-PCRs and qRT-PCR again.\n';
  const found = lint(text).filter((d) => d.code === 'discouraged-variant');
  assert.deepEqual(found.map((d) => text.slice(d.start, d.end)), ['qRT-PCRs']);
  const fix = found[0]?.data?.fixes?.[0] as { edits: { newText: string }[] } | undefined;
  assert.deepEqual(fix?.edits.map((edit) => edit.newText), ['RT-qPCRs', 'RT-qPCR']);
  assert.match(found[0]!.message, /written 2 times/u);
});
