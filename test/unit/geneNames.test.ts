// Gene symbols defined by their official names (data/gene-names.json): made-up sentences around
// real official names, and the committed filter held to the reference table when it is present.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { isOfficialGeneName } from '../../server/src/service/knowledge/geneNames';
import { createTerminologyService } from '../../server/src/service/index';

const root = join(__dirname, '..', '..');
const humanGenesPath = process.env.CARNK_HUMAN_GENES ?? join(root, '..', 'shared', 'data', 'human-genes.tsv');
const service = createTerminologyService();

/** The definitions of a made-up main text as `SF = long form`. */
function definitions(text: string): string[] {
  return service.abbreviations({ uri: 'genes.md', version: 1, text }).definitions.map((d) => `${d.short} = ${d.long}`);
}

describe('a gene symbol after its official name', () => {
  test('is defined by it, in any case, italic or with a catalogue note after it', () => {
    assert.deepEqual(definitions('Carriers lose zinc finger E-box binding homeobox 2 (ZEB2) and ZEB2 falls.\n'), ['ZEB2 = zinc finger E-box binding homeobox 2']);
    assert.deepEqual(definitions('Carriers lose Paired box 6 (*PAX6* [MIM: 607108]); PAX6 falls.\n'), ['PAX6 = Paired box 6']);
  });
  test('words that are not its official name define nothing, however long the run before the bracket', () => {
    assert.deepEqual(definitions('Browser view showing a transcribed enhancer and its nearest neighbouring gene (SMAD7) here.\n'), []);
    assert.deepEqual(definitions('Carriers lose the paired box gene (PAX6) early.\n'), []);
  });
  test('the filter holds official pairs and not others', () => {
    assert.equal(isOfficialGeneName('GRIK2', 'glutamate ionotropic receptor kainate type subunit 2'), true);
    assert.equal(isOfficialGeneName('GRIK2', 'Glutamate  ionotropic receptor kainate type subunit 2'), true);
    assert.equal(isOfficialGeneName('GRIK2', 'zinc finger E-box binding homeobox 2'), false);
    assert.equal(isOfficialGeneName('ZEB2', 'glutamate ionotropic receptor kainate type subunit 2'), false);
  });
  test('data/gene-names.json is what scripts/derive-gene-names.ts derives from human-genes.tsv', (t) => {
    if (!existsSync(humanGenesPath)) {
      t.skip(`reference table not found at ${humanGenesPath}; set CARNK_HUMAN_GENES to run this test`);
      return;
    }
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'derive-gene-names.ts'), '--table', humanGenesPath, '--check'], { cwd: root, encoding: 'utf8' });
    assert.match(out, /matches \(\d+ pairs\)/);
    assert.ok(JSON.parse(readFileSync(join(root, 'data', 'gene-names.json'), 'utf8')).pairs > 19_000);
  });
});
