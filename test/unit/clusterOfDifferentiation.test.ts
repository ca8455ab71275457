import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTerminologyService } from '../../server/src/service/index';
import { createDefinitionNeeds } from '../../server/src/service/model/definitionNeeds';

const needs = createDefinitionNeeds();
const service = createTerminologyService();

describe('cluster-of-differentiation names need no definition', () => {
  test('with a lower- or upper-case isoform letter, or a CD45 isoform', () => {
    for (const key of ['CD19', 'CD16a', 'CD16A', 'CD32B', 'CD107a', 'CD45RA', 'CD45RO', 'CD158A']) assert.equal(needs.isExempt(key), true, key);
  });

  test('not a CD name with more letters after it, a ligand (`CD40L`), nor the bare letters', () => {
    for (const key of ['CD', 'CDR3', 'CD16AB', 'CD45RX', 'CDK4', 'CD40L', 'CD30L']) assert.equal(needs.isExempt(key), false, key);
  });

  test('none of them is reported undefined in running text', () => {
    const text = '# Results\n\nCells were CD16A+, CD32B+ and CD45RA+ but QZX-.\n';
    const undefinedKeys = service.lint({ uri: 'cd.md', version: 1, text }).filter((d) => d.code === 'undefined-abbreviation').map((d) => text.slice(d.start, d.end));
    assert.deepEqual(undefinedKeys, ['QZX']);
  });
});
