import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';

// `carnk lint --format sarif` checked against the SARIF 2.1.0 JSON schema (draft 2020-12), the copy
// shipped in @microsoft/sarif-multitool-linux (see sarif/LICENSE for why it is kept here).
const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const schema = JSON.parse(readFileSync(join(__dirname, 'sarif', 'sarif-2.1.0.json'), 'utf8')) as Record<string, unknown>;

const ajv = new Ajv2020({ allErrors: true, strict: false });
// The four formats the schema uses, checked rather than ignored (ajv-formats is not a dependency).
ajv.addFormat('uri', (value: string) => /^[a-z][a-z\d+.-]*:/i.test(value) && URL.canParse(value));
ajv.addFormat('uri-reference', (value: string) => !/\s/.test(value) && URL.canParse(value, 'file:///base/'));
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i);
ajv.addFormat('uuid', /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i);
const validate = ajv.compile(schema);

interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } };
}
interface SarifLog {
  runs: { originalUriBaseIds?: Record<string, { uri: string }>; results: { ruleId: string; locations: SarifLocation[] }[] }[];
}

function sarifOf(args: string[], cwd = root, input?: string): SarifLog {
  const run = spawnSync(process.execPath, [cli, 'lint', '--format', 'sarif', ...args], { cwd, input, encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  const log = JSON.parse(run.stdout) as SarifLog;
  assert.ok(validate(log), ajv.errorsText(validate.errors, { separator: '\n' }));
  return log;
}

describe('SARIF output', () => {
  test('files under the working directory: relative uri with uriBaseId %SRCROOT%, defined in originalUriBaseIds; valid against the schema', () => {
    const log = sarifOf(['examples/car-nk-review.md', 'examples/short-report.qmd']);
    const run = log.runs[0]!;
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: `${pathToFileURL(root).href.replace(/\/$/, '')}/` } });
    assert.ok(run.results.length > 5);
    const uris = new Set(run.results.map((r) => JSON.stringify(r.locations[0]!.physicalLocation.artifactLocation)));
    assert.deepEqual([...uris].sort(), [
      JSON.stringify({ uri: 'examples/car-nk-review.md', uriBaseId: '%SRCROOT%' }),
      JSON.stringify({ uri: 'examples/short-report.qmd', uriBaseId: '%SRCROOT%' }),
    ]);
  });

  test('an absolute path inside the working directory is made relative; one outside stays an absolute file URI', () => {
    const outside = mkdtempSync(join(tmpdir(), 'carnk sarif-'));
    try {
      const paper = join(outside, 'paper.md');
      writeFileSync(paper, 'ADCC kills targets. Later, antibody-dependent cellular cytotoxicity (ADCC) was measured.\n');
      const log = sarifOf([join(root, 'examples', 'car-nk-review.md'), paper]);
      const locations = log.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation);
      assert.ok(locations.some((l) => l.uri === 'examples/car-nk-review.md' && l.uriBaseId === '%SRCROOT%'));
      assert.ok(locations.some((l) => l.uri === pathToFileURL(paper).href && l.uri.includes('carnk%20sarif-') && l.uriBaseId === undefined));
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test('standard input is valid SARIF too', () => {
    const log = sarifOf(['-'], root, 'ADCC kills targets. Later, antibody-dependent cellular cytotoxicity (ADCC) was measured.\n');
    assert.equal(log.runs[0]!.results[0]!.ruleId, 'used-before-definition');
  });

  test('the schema check is live: a region starting at line 0 is rejected', () => {
    const log = sarifOf(['-'], root, 'ADCC kills targets. Later, antibody-dependent cellular cytotoxicity (ADCC) was measured.\n');
    const broken = structuredClone(log) as unknown as { runs: { results: { locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    broken.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine = 0;
    assert.equal(validate(broken), false);
  });
});
