import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layerSettings } from '../../server/src/node/analysisContext';

test('settings layer as documented: editor < .carnkrc < command-line flags; rules merge by id, noDefinition adds up', () => {
  const editor = { scopeMode: 'document' as const, spelling: 'en-GB' as const, rules: { 'unused-abbreviation': 'off' as const, 'foreign-script': 'hint' as const }, noDefinition: ['GLP'] };
  const project = { scopes: 'journal' as const, rules: { 'foreign-script': 'error' as const }, noDefinition: ['HSCT'] };
  assert.deepEqual(layerSettings(editor, project), {
    rules: { 'unused-abbreviation': 'off', 'foreign-script': 'error' },
    scopeMode: 'journal',
    spelling: 'en-GB',
    noDefinition: ['GLP', 'HSCT'],
  });
  assert.deepEqual(layerSettings({}, project, { scopeMode: 'document', rules: { 'foreign-script': 'off' } }), {
    rules: { 'foreign-script': 'off' },
    scopeMode: 'document',
    noDefinition: ['HSCT'],
  });
});
