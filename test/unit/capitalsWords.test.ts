// An English word written in capitals (issue 14): most often the name of a study, a tool or a
// consortium (`ATLAS`, `MAGIC`), which journals differ on spelling out, so a note, not a warning.
// The capitals words here are English words chosen for the test; the other keys are made up.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTerminologyService } from '../../server/src/service/index';
import { undefinedWithSeverity } from '../helpers/undefinedKeys';

describe('an English word in capitals left undefined', () => {
  test('is a note that names the word; letters that spell no word stay warnings', () => {
    assert.deepEqual(undefinedWithSeverity('Cells were clustered with GLIMMER and QZARP.\n'), ['GLIMMER information', 'QZARP warning']);
    const service = createTerminologyService();
    const [note] = service.lint({ uri: 'x.md', version: 1, text: 'Cells were clustered with GLIMMER.\n' }).filter((d) => d.code === 'undefined-abbreviation');
    assert.match(note!.message, /it spells the word 'glimmer'/u);
  });
  test('a word of three letters, one joined to other letters by a slash or a hyphen, or a term the knowledge base knows stays a warning', () => {
    assert.deepEqual(undefinedWithSeverity('Cells were clustered with OAK.\n'), ['OAK warning']);
    assert.deepEqual(undefinedWithSeverity('Signalling through QAK/LANTERN rose.\n').filter((f) => f.startsWith('LANTERN')), ['LANTERN warning']);
    assert.deepEqual(undefinedWithSeverity('Signalling through LANTERN-QAK rose.\n'), ['LANTERN-QAK warning']);
    assert.deepEqual(undefinedWithSeverity('We made CAR cells.\n'), ['CAR warning']);
  });
});
