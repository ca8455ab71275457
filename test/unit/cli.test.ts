import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';

// Runs the built CLI bundle, the way users and CI run it.
const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');

function carnk(args: string[], input?: string, cwd = root) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const EXAMPLE = 'ADCC kills targets. Later, antibody-dependent cellular cytotoxicity (ADCC) was measured.';

function workspace(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'carnk-cli-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

describe('carnk lint', () => {
  test('JSON contract: used-before-definition at line 0, characters 0-4', () => {
    const { code, stdout } = carnk(['lint', '--format', 'json', '-'], EXAMPLE);
    assert.equal(code, 0, 'warnings alone exit 0');
    assert.deepEqual(JSON.parse(stdout), [
      {
        file: '<stdin>',
        diagnostics: [
          {
            code: 'used-before-definition',
            severity: 'warning',
            message: "'ADCC' is used before it is defined in the main text (defined on line 1 as 'antibody-dependent cellular cytotoxicity').",
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } },
          },
        ],
      },
    ]);
  });

  test('stylish output is 1-based like ESLint', () => {
    const { stdout } = carnk(['lint', '-'], EXAMPLE);
    assert.match(stdout, /^<stdin>\n {2}1:1 {2}warning {2}'ADCC' is used before .* {2}used-before-definition\n/m);
    assert.match(stdout, /1 problem \(0 errors, 1 warning\)/);
  });

  test('SARIF 2.1.0 with rule metadata and UTF-16 columns', () => {
    const { stdout } = carnk(['lint', '--format', 'sarif', '-'], EXAMPLE);
    const sarif = JSON.parse(stdout);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.ok(run.tool.driver.rules.some((r: { id: string }) => r.id === 'used-before-definition'));
    assert.deepEqual(run.results[0].locations[0].physicalLocation.region, { startLine: 1, startColumn: 1, endLine: 1, endColumn: 5 });
    assert.equal(run.results[0].level, 'warning');
  });

  test('exit 1 on errors and on too many warnings', () => {
    assert.equal(carnk(['lint', '--rule', 'used-before-definition=error', '-'], EXAMPLE).code, 1);
    assert.equal(carnk(['lint', '--max-warnings', '0', '-'], EXAMPLE).code, 1);
    assert.equal(carnk(['lint', '--max-warnings', '1', '-'], EXAMPLE).code, 0);
  });

  test('a missing file exits 2 with one line naming it', () => {
    const { code, stderr, stdout } = carnk(['lint', 'no-such-file.md']);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(stderr.trim().split('\n').length, 1);
    assert.match(stderr, /no-such-file\.md/);
    assert.doesNotMatch(stderr, /at .*\(/, 'no stack trace');
  });

  test('usage errors exit 2', () => {
    assert.equal(carnk(['lint', '--format', 'xml', '-'], EXAMPLE).code, 2);
    assert.equal(carnk(['frobnicate']).code, 2);
    assert.equal(carnk(['lint', '--rule', 'no-such-rule=error', '-'], EXAMPLE).code, 2);
  });

  test('binary, empty and BOM files do not crash', () => {
    const dir = workspace({ 'binary.md': Buffer.from([0, 1, 2, 255, 0, 78, 75]), 'empty.md': '', 'bom.md': '\ufeffWe measured ADCC.' });
    const result = carnk(['lint', '--format', 'json', 'binary.md', 'empty.md', 'bom.md'], undefined, dir);
    assert.equal(result.code, 0);
    assert.match(result.stderr, /skipped 'binary\.md': binary file/);
    const parsed = JSON.parse(result.stdout);
    assert.deepEqual(parsed.map((f: { file: string }) => f.file), ['empty.md', 'bom.md']);
    assert.deepEqual(parsed[1].diagnostics[0].range.start, { line: 0, character: 12 }, 'BOM dropped before positions');
  });

  test('globs and folders expand to manuscripts', () => {
    const dir = workspace({ 'a.md': 'We saw GMP.', 'b.qmd': 'We saw GLP.', 'c.Rmd': 'Fine.', 'notes.json': '{}' });
    const byGlob = JSON.parse(carnk(['lint', '-f', 'json', '*.{md,qmd}'], undefined, dir).stdout);
    assert.deepEqual(byGlob.map((f: { file: string }) => f.file), ['a.md', 'b.qmd']);
    const byFolder = JSON.parse(carnk(['lint', '-f', 'json', dir]).stdout);
    assert.equal(byFolder.length, 3);
  });

  test('a file reached twice is linted once, where it is first reached', () => {
    const dir = workspace({ 'a.md': 'We saw GMP.', 'b.md': 'We saw GLP.' });
    const twice = JSON.parse(carnk(['lint', '-f', 'json', '.', 'a.md', './b.md', `${dir}/a.md`], undefined, dir).stdout);
    assert.deepEqual(
      twice.map((f: { file: string }) => f.file),
      ['./a.md', './b.md'],
    );
    // A symbolic link to a file given before is that file.
    symlinkSync(join(dir, 'a.md'), join(dir, 'link.md'));
    const linked = JSON.parse(carnk(['lint', '-f', 'json', 'a.md', 'link.md'], undefined, dir).stdout);
    assert.deepEqual(linked.map((f: { file: string }) => f.file), ['a.md']);
  });

  test('--help and --version', () => {
    assert.match(carnk(['--help']).stdout, /lint/);
    assert.match(carnk(['--version']).stdout, /^\d+\.\d+\.\d+/);
    assert.equal(carnk(['--version']).code, 0);
  });
});

describe('carnk abbreviations', () => {
  test('JSON contract', () => {
    const { code, stdout } = carnk(['abbreviations', '-'], EXAMPLE);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout), [
      {
        file: '<stdin>',
        definitions: [
          { short: 'ADCC', long: 'antibody-dependent cellular cytotoxicity', key: 'ADCC', scope: 'main', range: { start: { line: 0, character: 69 }, end: { line: 0, character: 73 } } },
        ],
        undefined: [],
      },
    ]);
  });

  test('many files in one call; TSV and markdown formats', () => {
    const dir = workspace({ 'a.md': 'Natural killer (NK) cells and GMP.', 'b.md': 'Cytokine release syndrome (CRS) occurs.' });
    const json = JSON.parse(carnk(['abbreviations', 'a.md', 'b.md'], undefined, dir).stdout);
    assert.deepEqual(json.map((f: { definitions: { short: string }[] }) => f.definitions.map((d) => d.short)), [['NK'], ['CRS']]);
    assert.deepEqual(json[0].undefined.map((u: { short: string }) => u.short), ['GMP']);
    const tsv = carnk(['abbreviations', '-f', 'tsv', 'a.md'], undefined, dir).stdout.trim().split('\n');
    assert.deepEqual(tsv, ['file\tshort\tlong\tscope\tline\tcolumn', 'a.md\tNK\tNatural killer\tmain\t1\t17']);
    const markdown = carnk(['abbreviations', '-f', 'markdown', 'b.md'], undefined, dir).stdout;
    assert.match(markdown, /\| CRS \| cytokine release syndrome \|/i);
  });
});

describe('carnk lint --fix, configuration and glossaries', () => {
  test('--fix writes the safe fixes and reports what is left', () => {
    const dir = workspace({ 'paper.md': 'Transforming growth factor beta (TGF-β) matters. Levels of TGF-beta fell. CISH knockout helped.\n' });
    const result = carnk(['lint', '--fix', '-f', 'json', 'paper.md'], undefined, dir);
    assert.equal(result.code, 0);
    assert.deepEqual(JSON.parse(result.stdout)[0].diagnostics, []);
    assert.equal(readFileSync(join(dir, 'paper.md'), 'utf8'), 'Transforming growth factor beta (TGF-β) matters. Levels of TGF-β fell. *CISH* knockout helped.\n');
  });

  test('--fix on standard input prints the fixed text', () => {
    assert.equal(carnk(['lint', '--fix', '-'], 'Interferon gamma (IFN-γ) rose; IFN-gamma fell.').stdout, 'Interferon gamma (IFN-γ) rose; IFN-γ fell.');
  });

  test('.carnkrc found upwards applies; a bad value is one line naming file and line, and linting goes on', () => {
    const dir = workspace({ '.carnkrc.yaml': 'rules:\n  undefined-abbreviation: error\nscopes: everywhere\n', 'a.md': 'We saw GMP.' });
    const result = carnk(['lint', '-f', 'json', 'a.md'], undefined, dir);
    assert.equal(result.code, 1, 'error severity from .carnkrc');
    assert.equal(JSON.parse(result.stdout)[0].diagnostics[0].severity, 'error');
    assert.match(result.stderr, /\.carnkrc\.yaml:3: 'scopes' must be "journal" or "document"/);
    assert.equal(carnk(['lint', '--no-config', '-f', 'json', 'a.md'], undefined, dir).code, 0);
  });

  test('a glossary adds terms; a broken glossary gives one clear message and built-in terms still work', () => {
    const dir = workspace({
      'lab.yaml': 'entries:\n  - preferred: TRUCK\n    expansions: [T cells redirected for universal cytokine-mediated killing]\n    definition: A CAR construct that also secretes a cytokine.\n',
      'broken.yaml': 'entries:\n  - preferred: X\n    needsDefinition: maybe\n',
      'syntax.json': '{ "entries": [ }',
      'a.md': 'We built a TRUCK. Levels of TGF-beta fell.',
    });
    const withGlossary = carnk(['lint', '-f', 'json', '--glossary', 'lab.yaml', 'a.md'], undefined, dir);
    const message = JSON.parse(withGlossary.stdout)[0].diagnostics.find((d: { code: string }) => d.code === 'undefined-abbreviation').message;
    assert.match(message, /T cells redirected for universal cytokine-mediated killing \(TRUCK\)/);
    const broken = carnk(['lint', '-f', 'json', '--glossary', 'broken.yaml', '--glossary', 'syntax.json', 'a.md'], undefined, dir);
    assert.equal(broken.stderr.trim().split('\n').length, 2, broken.stderr);
    assert.match(broken.stderr, /broken\.yaml:3: .*needsDefinition/);
    assert.match(broken.stderr, /syntax\.json:1: /);
    assert.ok(JSON.parse(broken.stdout)[0].diagnostics.some((d: { code: string }) => d.code === 'discouraged-variant'), 'built-in terms still work');
  });
});

describe('carnk terms and export', () => {
  test('terms --format json: at least 350 entries in at least 12 categories of 15', () => {
    const entries = JSON.parse(carnk(['terms', '--format', 'json']).stdout) as { category: string }[];
    assert.ok(entries.length >= 350);
    const counts = new Map<string, number>();
    for (const e of entries) counts.set(e.category, (counts.get(e.category) ?? 0) + 1);
    assert.ok([...counts.values()].filter((n) => n >= 15).length >= 12, JSON.stringify([...counts]));
    assert.deepEqual(Object.keys(entries[0]!), ['id', 'preferred', 'expansions', 'variants', 'discouraged', 'definition', 'notes', 'category', 'genes', 'related', 'needsDefinition']);
  });
  test('terms --format json: cell lines carry species and tissue; text output names the accession', () => {
    const entries = JSON.parse(carnk(['terms', '--format', 'json']).stdout) as { cellLine?: { species: string; tissue: string } }[];
    const lines = entries.filter((e) => e.cellLine);
    assert.ok(lines.length >= 100, `${lines.length} cell lines`);
    assert.ok(lines.every((e) => e.cellLine!.species && e.cellLine!.tissue));
    assert.match(carnk(['terms', 'K562']).stdout, /cell line: human, chronic myeloid leukaemia.*Cellosaurus CVCL_0004/);
  });
  test('terms ADCC prints one entry readably; an unknown term exits 2', () => {
    const { stdout, code } = carnk(['terms', 'ADCC']);
    assert.equal(code, 0);
    assert.match(stdout, /^ADCC — antibody-dependent cellular cytotoxicity/);
    assert.equal(carnk(['terms', 'no-such-term-xyz']).code, 2);
  });
  test('export --format cspell lists the field’s words', () => {
    const words = carnk(['export', '--format', 'cspell']).stdout.split('\n');
    for (const w of ['NK', 'ADCC', 'granzyme', 'cytotoxicity', 'CAR-NK']) assert.ok(words.includes(w), w);
  });
});

describe('relative glossary paths', () => {
  test('resolve against the working folder, with --no-config and for terms', () => {
    const dir = workspace({ 'g.yaml': 'entries:\n  - preferred: FBXL\n    expansions: [fictional box ligand]\n    definition: A term only this test knows.\n' });
    const terms = carnk(['terms', 'FBXL', '--glossary', 'g.yaml'], undefined, dir);
    assert.equal(terms.code, 0, terms.stderr);
    assert.match(terms.stdout, /fictional box ligand/);
    const lint = carnk(['lint', '-', '--no-config', '--glossary', 'g.yaml', '-f', 'json'], 'We saw FBXL.', dir);
    assert.equal(lint.stderr, '');
    assert.match(lint.stdout, /fictional box ligand \(FBXL\)/);
  });
});

describe('a lone document with includes', () => {
  test('is linted as a book of one chapter; its included parts are not linted again alone', () => {
    const dir = workspace({ 'main.qmd': 'Natural killer (NK) cells matter.\n\n{{< include part.qmd >}}\n', 'part.qmd': 'NK cells kill.\n' });
    const result = carnk(['lint', '-f', 'json', 'main.qmd', 'part.qmd'], undefined, dir);
    assert.equal(result.code, 0, result.stderr);
    const diagnostics = (JSON.parse(result.stdout) as { diagnostics: { code: string }[] }[]).flatMap((f) => f.diagnostics);
    assert.deepEqual(diagnostics.map((d) => d.code), []);
  });
  test('a folder given to check, with no project file, reads its one include root as that book and its other files alone', () => {
    const dir = workspace({
      'manuscript.qmd': 'Natural killer (NK) cells matter.\n\n{{< include 03-intro.qmd >}}\n{{< include 04-methods.qmd >}}\n',
      '03-intro.qmd': 'NK cells kill.\n',
      '04-methods.qmd': 'We grew NK cells.\n',
      'notes.md': 'The QZX grew.\n',
    });
    const result = carnk(['lint', '-f', 'json', '.'], undefined, dir);
    assert.equal(result.code, 0, result.stderr);
    const byFile = (JSON.parse(result.stdout) as { file: string; diagnostics: { code: string; message: string }[] }[]).map((f) => [f.file.split('/').pop(), f.diagnostics.map((d) => d.code)]);
    assert.deepEqual(Object.fromEntries(byFile), { 'manuscript.qmd': [], '03-intro.qmd': [], '04-methods.qmd': [], 'notes.md': ['undefined-abbreviation'] });
  });
});

// `carnk terms | head`: a reader that closes the pipe early ends the process quietly (issue 16).
describe('a closed output pipe', () => {
  for (const args of [['terms'], ['terms', '--format', 'json'], ['lint', '--no-config', join(root, 'examples', 'car-nk-review.md')]]) {
    test(`carnk ${args.map((a) => (a.startsWith('/') ? '<file>' : a)).join(' ')}: exit 0, nothing on stderr`, async () => {
      const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      // Like `head -c 1`: read one chunk, then close the reading end.
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.equal(stderr, '');
      assert.equal(code, 0);
    });
  }
});

// Issue 16: bounded output. --max-problems cuts what is printed per file, never the exit code.
describe('--max-problems', () => {
  const text = Array.from({ length: 12 }, (_, i) => `We measured QZ${String.fromCharCode(65 + i)}X here.`).join(' ') + ' The dose was 5 mg. FOO';
  const run = (args: string[]) => spawnSync(process.execPath, [cli, 'lint', '--no-config', '--format', 'json', ...args, '-'], { input: text, encoding: 'utf8' });
  test('prints the first problems in document order and says how many more on stderr', () => {
    const all = JSON.parse(run([]).stdout)[0].diagnostics as { range: { start: { character: number } } }[];
    const cut = run(['--max-problems', '3']);
    const shown = JSON.parse(cut.stdout)[0].diagnostics as { range: { start: { character: number } } }[];
    assert.equal(all.length, 13);
    assert.deepEqual(shown, all.slice(0, 3));
    assert.match(cut.stderr, /showing the first 3 of 13 problems/);
    assert.deepEqual(JSON.parse(run(['--max-problems', '0']).stdout)[0].diagnostics, all, '0 prints all');
  });
  test('the exit code still counts every problem', () => {
    const strict = (args: string[]) => spawnSync(process.execPath, [cli, 'lint', '--no-config', '--max-warnings', '5', ...args, '-'], { input: text, encoding: 'utf8' }).status;
    assert.equal(strict([]), 1);
    assert.equal(strict(['--max-problems', '2']), 1);
  });
});
