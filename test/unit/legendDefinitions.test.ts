// A legend that leans on the main text (issue 14): journals differ on whether each legend must
// define again what the main text defines, so such a use is information unless the journal wants
// legends to stand alone (`defineInLegends`). What nothing defines stays a warning in a legend.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { layerSettings } from '../../server/src/node/analysisContext';
import { createTerminologyService, type AnalysisSettings, type TerminologyDiagnostic } from '../../server/src/service/index';
import { readSettings } from '../../server/src/settings';

const root = join(__dirname, '..', '..');
const service = createTerminologyService();

const MANUSCRIPT = [
  '# Results',
  '',
  'Expanded natural killer (NK) cells lysed the targets, and the glycoprotein tag (GPT) held.',
  '',
  '![Lysis by NK cells marked with GPT over 24 h; the QZV gate is shown.](fig1.png){#fig:lysis}',
  '',
].join('\n');

function undefinedIn(text: string, key: string, settings: AnalysisSettings = {}): TerminologyDiagnostic | undefined {
  return service.lint({ uri: 'legend.md', version: 1, text }, settings).find((d) => d.code === 'undefined-abbreviation' && text.slice(d.start, d.end) === key);
}

describe('a legend using what the main text defines', () => {
  test('is information, naming where the main text defines it', () => {
    const nk = undefinedIn(MANUSCRIPT, 'NK');
    assert.equal(nk?.severity, 'information');
    assert.match(nk!.message, /the main text defines it \(on line 3\)/);
    assert.equal(undefinedIn(MANUSCRIPT, 'GPT')?.severity, 'information');
  });

  test('an abbreviation nothing defines stays a warning in the legend', () => {
    const qzv = undefinedIn(MANUSCRIPT, 'QZV');
    assert.equal(qzv?.severity, 'warning');
    assert.doesNotMatch(qzv!.message, /main text defines/);
  });

  test('a number under a stem the legend defines is defined there (`QM 010` after `QM: QuarkMate`)', () => {
    const text = '# Methods\n\nThe QuarkMate 010 (QM 010) trial; QM 010 again.\n\n![Survival in QM 010. QM: QuarkMate, QVR: quiver.](f.png)\n\n![Survival in QM 010 again.](g.png)\n';
    const inLegends = service.lint({ uri: 'legend.md', version: 1, text }).filter((d) => d.code === 'undefined-abbreviation').map((d) => d.message.match(/legend '([^']+)'/)?.[1]);
    assert.deepEqual(inLegends, ['g.png']);
  });

  test('a definition from an earlier file of the book counts as the main text', () => {
    const text = '![Lysis by ADGK cells over 24 h.](fig1.png){#fig:lysis}\n';
    const inherited = [{ short: 'ADGK', long: 'adaptive granular killer', key: 'ADGK', uri: 'file:///book/02.intro.md', range: { start: { line: 6, character: 4 }, end: { line: 6, character: 8 } } }];
    const adgk = undefinedIn(text, 'ADGK', { book: { inherited, usedLater: [] } });
    assert.equal(adgk?.severity, 'information');
    assert.match(adgk!.message, /02\.intro\.md on line 7/);
  });

  test('defineInLegends restores the warning: settings, front matter and the CLI flag', () => {
    assert.equal(undefinedIn(MANUSCRIPT, 'NK', { defineInLegends: true })?.severity, 'warning');
    assert.equal(undefinedIn(`---\ncarnk:\n  defineInLegends: true\n---\n\n${MANUSCRIPT}`, 'NK')?.severity, 'warning');
    assert.equal(undefinedIn(`---\ncarnk:\n  defineInLegends: false\n---\n\n${MANUSCRIPT}`, 'NK', { defineInLegends: true })?.severity, 'information');
    assert.equal(layerSettings([{}, { defineInLegends: false }, { defineInLegends: true }]).defineInLegends, true);
    assert.equal(readSettings({ defineInLegends: true }).settings.defineInLegends, true);
    assert.deepEqual(readSettings({ defineInLegends: 1 }).problems, ['carnk.defineInLegends must be true or false, got 1']);
    const cli = join(root, 'dist', 'cli.js');
    const run = (args: string[]) =>
      (JSON.parse(spawnSync(process.execPath, [cli, 'lint', '--format', 'json', '--no-config', ...args, '-'], { input: MANUSCRIPT, encoding: 'utf8' }).stdout)[0].diagnostics as TerminologyDiagnostic[]).find(
        (d) => d.code === 'undefined-abbreviation' && d.range.start.line === 4 && d.message.startsWith("'NK'"),
      );
    assert.equal(run([])?.severity, 'information');
    assert.equal(run(['--define-in-legends'])?.severity, 'warning');
  });

  test('a wrong front-matter value is one invalid-configuration, and the default goes on', () => {
    const text = `---\ncarnk:\n  defineInLegends: sometimes\n---\n\n${MANUSCRIPT}`;
    const problems = service.lint({ uri: 'legend.md', version: 1, text }).filter((d) => d.code === 'invalid-configuration');
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /defineInLegends' must be true or false/);
    assert.equal(undefinedIn(text, 'NK')?.severity, 'information');
  });

  test('while lowered, its fix is a quick fix only: fix-all leaves the legend as written', () => {
    const text = '# Results\n\nWe gave interleukin-2 (IL-2) daily, as IL-2 keeps NK cells alive.\n\n**Figure 1.** Cells expanded with IL-2 for 14 days; IL-2 was renewed daily.\n';
    const il2 = undefinedIn(text, 'IL-2');
    assert.equal(il2?.severity, 'information');
    const fixes = (il2?.data as { fixes?: { safe: boolean }[] } | undefined)?.fixes ?? [];
    assert.ok(fixes.length > 0 && fixes.every((fix) => !fix.safe), 'offered, but not as a safe fix');
    assert.equal(service.fixAll({ uri: 'legend.md', version: 1, text }).text, text);
    const strict = service.fixAll({ uri: 'legend.md', version: 1, text }, { defineInLegends: true }).text;
    assert.match(strict, /Cells expanded with interleukin-2 \(IL-2\)/);
  });
});

describe("a caption written as a code cell's option (Quarto `#| fig-cap`, knitr `fig.cap`)", () => {
  const QUARTO = [
    '# Results',
    '',
    'Expanded natural killer (NK) cells lysed the targets.',
    '',
    '```{r}',
    '#| label: fig-lysis',
    '#| fig-cap: "Lysis by NK cells; the QZV gate is shown. QZV rose."',
    'plot(lysis)',
    '```',
    '',
    'The QZV gate was not used again.',
    '',
  ].join('\n');

  test('is a legend of its own: what nothing defines is a warning there, named by the cell label', () => {
    const qzv = undefinedIn(QUARTO, 'QZV');
    assert.equal(qzv?.severity, 'warning');
    assert.match(qzv!.message, /legend 'fig-lysis'/);
    assert.equal(QUARTO.slice(0, qzv!.start).split('\n').length, 7, 'reported in the caption, not in the main text after it');
  });

  test('what the main text defines is information there, as in any legend', () => {
    assert.equal(undefinedIn(QUARTO, 'NK')?.severity, 'information');
  });

  test("the fix defines the key inside the caption's string and leaves the code alone", () => {
    const knitr = ['Text.', '', '```{r lysis, fig.cap="Killing by ADCC was high."}', 'plot(ADCC)', '```', ''].join('\n');
    const adcc = undefinedIn(knitr, 'ADCC');
    assert.equal(adcc?.severity, 'warning');
    assert.match(adcc!.message, /legend 'lysis'/);
    const fixed = service.fixAll({ uri: 'legend.md', version: 1, text: knitr }, {}, { rules: ['undefined-abbreviation'], safeOnly: false });
    assert.ok(fixed.text.includes('fig.cap="Killing by antibody-dependent cellular cytotoxicity (ADCC) was high."'), fixed.text);
    assert.ok(fixed.text.includes('plot(ADCC)'));
  });
});

describe('highlights (Summary points, Highlights, Key points)', () => {
  const PAPER = ['# Summary points', '', '- Killing by QZR-armed cells rose.', '', '# Introduction', '', 'The QZR construct bound, and then the quartz receptor (QZR) was named.', ''].join('\n');

  test('are no first use: the first use is in the text, where it is used before its definition', () => {
    const findings = service.lint({ uri: 'paper.md', version: 1, text: PAPER }, {}).filter((d) => d.code === 'undefined-abbreviation' || d.code === 'used-before-definition');
    assert.deepEqual(findings.map((d) => [d.code, PAPER.slice(0, d.start).split('\n').length]), [['used-before-definition', 7]]);
  });

  test('need no definition of their own', () => {
    const text = ['## Highlights', '', '- QZR rose.', '', '## Results', '', 'The quartz receptor (QZR) bound and QZR rose.', ''].join('\n');
    assert.deepEqual(service.lint({ uri: 'paper.md', version: 1, text }, {}).filter((d) => d.code === 'undefined-abbreviation'), []);
  });
});

describe("the fix for an abbreviation another scope defines", () => {
  test("offers the document's own expansion, not the knowledge base's", () => {
    const text = ['# Abstract', '', 'Rates came from the CDC and the CDC again.', '', '# Introduction', '', 'The Centers for Disease Control and Prevention (CDC) kept the CDC registry.', ''].join('\n');
    const cdc = undefinedIn(text, 'CDC');
    assert.match(cdc!.message, /e\.g\. 'Centers for Disease Control and Prevention \(CDC\)'/);
    assert.doesNotMatch(cdc!.message, /cytotoxicity/);
  });
});

// A table's note under it (issue 14): journals print the key of a table's abbreviations there.
describe("a note under a captioned table is part of the table's legend", () => {
  const undefinedIn = (text: string) =>
    service.lint({ uri: 'note.md', version: 1, text }).filter((d) => d.code === 'undefined-abbreviation').map((d) => `${text.slice(d.start, d.end)}@${d.range.start.line + 1}`);
  const table = '| Item | DLQ (n = 3) |\n|:--|:--|\n| QPS 0-1 | 3 |\n';
  const key = 'DLQ, dose level Q; QPS, quality performance score.';

  test('caption above, key under the table', () => {
    assert.deepEqual(undefinedIn(`Main text.\n\nTable: Table 1. Patients.\n\n${table}\n${key}\n`), []);
  });
  test('caption under the table, then the key; a caption right under the last row, then the key', () => {
    assert.deepEqual(undefinedIn(`Main text.\n\n${table}\nTable: Patients.\n\n${key}\n`), []);
    assert.deepEqual(undefinedIn(`Main text.\n\n${table}Table: Patients. {#tbl:p}\n\n${key}\n`), []);
  });
  test('notes opened by Abbreviations, Note or a footnote mark, one after another', () => {
    assert.deepEqual(undefinedIn(`Main text.\n\nTable: Patients.\n\n${table}\nNote: counts at day 28.\n\nAbbreviations: ${key}\n`), []);
    assert.deepEqual(undefinedIn(`Main text.\n\nTable: Patients.\n\n${table}\n^a^ At day 28. ${key}\n`), []);
  });
  test('a paragraph of prose after the table is main text; so is anything after a table without a caption', () => {
    assert.deepEqual(undefinedIn(`Main text.\n\nTable: Patients.\n\n${table}\nThe QZR rose in Table 1.\n`), ['DLQ@5', 'QPS@7', 'QZR@9']);
    assert.deepEqual(undefinedIn(`Main text.\n\n${table}\n${key} The QZR rose.\n`), ['DLQ@7', 'QPS@7', 'QZR@7'], 'the key reads as prose');
  });
  test('a key after prose that follows the table is no note of it', () => {
    assert.deepEqual(undefinedIn(`Main text.\n\nTable: Patients.\n\n${table}\nThe counts rose.\n\n${key}\n`), ['DLQ@5', 'QPS@7', 'DLQ@11', 'QPS@11']);
  });
});

describe('a note under a code cell that makes a table', () => {
  const cell = (note: string) =>
    ['# Results', '', 'Text.', '', '```{r tbl-runs}', '#| tbl-cap: "Runs of the QESS sampler."', 'knitr::kable(runs)', '```', '', note, ''].join('\n');
  test('goes on the table\'s legend, and its opening pair defines what the caption uses', () => {
    const text = cell('*QESS: quark effective sample size out of 4000 total samples.*');
    assert.deepEqual(service.lint({ uri: 'a.qmd', version: 1, text }).filter((d) => d.code === 'undefined-abbreviation'), []);
    const [definition] = service.model({ uri: 'a.qmd', version: 1, text }).definitions;
    assert.equal(definition?.long, 'quark effective sample size');
    assert.equal(definition?.scope, 'legend:tbl-runs');
  });
  test('a paragraph of prose after the cell is main text', () => {
    const text = cell('We then ran the QESS sampler again.');
    assert.deepEqual(service.lint({ uri: 'a.qmd', version: 1, text }).map((d) => [d.code, d.range.start.line]), [['undefined-abbreviation', 5], ['undefined-abbreviation', 9]]);
  });
});

describe('a multi-line caption with HTML comments between its lines (Manubot, pandoc)', () => {
  // Made up: a key one pair to a line, commented-out entries and links between the pairs.
  const caption = [
    'Main text.',
    '',
    '![',
    '**Scheme.**',
    'Counts in QBMC and qDCs were high.',
    '<!-- https://example.org/study/1 -->',
    'QTLs: quiet trait loci;',
    '<!-- QPS: a pair left out; -->',
    'QVN: quiet variable normal;',
    'QBMC: quiet blood mononuclear cells;',
    'qDCs: quiet dendritic cells.',
    '](fig.svg){#fig:scheme}',
    '',
  ].join('\n');

  test('is one legend, and its key, one pair to a line, defines for it', () => {
    assert.deepEqual(service.lint({ uri: 'c.md', version: 1, text: caption }), []);
    const scopes = new Set(service.model({ uri: 'c.md', version: 1, text: caption }).definitions.map((d) => d.scope));
    assert.deepEqual([...scopes], ['legend:fig:scheme']);
  });

  test('the comments stay out of the prose: their letters are no mentions', () => {
    const keys = service.model({ uri: 'c.md', version: 1, text: caption }).mentions.map((m) => m.key);
    assert.ok(!keys.includes('QPS'), keys.join(','));
  });

  test('a comment over several lines right after text still hides what it holds', () => {
    const text = 'The cells grew well.\n<!--\nAn old draft said QZX rose.\n\nThen the QWK cohort was dropped.\n- and the QLM arm too\n-->\nThe end.\n';
    assert.deepEqual(service.lint({ uri: 'e.md', version: 1, text }), []);
  });

  test('a comment after a blank line is a block of its own, as before', () => {
    const text = 'We saw QZV here.\n\n<!-- QZN is a note -->\n\nMore text.\n';
    assert.deepEqual(service.lint({ uri: 'd.md', version: 1, text }).map((d) => text.slice(d.start, d.end)), ['QZV']);
  });
});

describe('a multi-line caption whose lines open like list items, quotations or headings', () => {
  const caption = [
    'Main text.',
    '',
    '![',
    '**Scheme.** The tool has three parts:',
    '1) a QRM model,',
    '2) a clustering step,',
    '- and a drug step.',
    'QVN: quiet variable normal;',
    'QRM: quiet regression model.',
    '](f.svg){#fig:parts}',
    '',
    '1) A real list after a blank line names QZL.',
    '',
  ].join('\n');

  test('is one caption, as pandoc reads it: its key defines what its lines use', () => {
    const found = service.lint({ uri: 'p.md', version: 1, text: caption }).map((d) => `${d.code} ${caption.slice(d.start, d.end)}`);
    assert.deepEqual(found, ['undefined-abbreviation QZL']);
    const scopes = new Set(service.model({ uri: 'p.md', version: 1, text: caption }).definitions.map((d) => d.scope));
    assert.deepEqual([...scopes], ['legend:fig:parts']);
  });
});

describe('a box is read apart from the main text, as a legend is', () => {
  test('its own first uses, and a note for what only the main text defines', () => {
    const text = '## Introduction\n\nQuark graphs (QGs) help; QGs grow.\n\n## Box 1: Uses of graphs\n\nQuark graphs link facts; QGs again, and QZM too.\n\n## Methods\n\nQGs again.\n';
    const found = createTerminologyService().lint({ uri: 'b.md', version: 1, text }).filter((d) => d.code === 'undefined-abbreviation');
    assert.deepEqual(found.map((d) => `${text.slice(d.start, d.end)} ${d.severity}`), ['QG information', 'QZM warning']);
    assert.match(found[0]!.message, /not defined in Box 1; the main text defines it .* each box to stand alone/);
  });
});
