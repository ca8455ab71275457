import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { layeredValue, layerSettings } from '../../server/src/node/analysisContext';
import { DEFAULT_SETTINGS } from '../../server/src/protocol';
import { SETTINGS } from '../../server/src/service/config/settingsTable';
import { readSettings } from '../../server/src/settings';

test('settings layer as documented: editor < .carnkrc < command-line flags; rules merge by id, noDefinition adds up', () => {
  const editor = { scopes: 'document' as const, spelling: 'en-GB' as const, rules: { 'unused-abbreviation': 'off' as const, 'foreign-script': 'hint' as const }, noDefinition: ['GLP'] };
  const project = { scopes: 'journal' as const, rules: { 'foreign-script': 'error' as const }, noDefinition: ['HSCT'] };
  assert.deepEqual(layerSettings([editor, project]), {
    rules: { 'unused-abbreviation': 'off', 'foreign-script': 'error' },
    scopeMode: 'journal',
    spelling: 'en-GB',
    noDefinition: ['GLP', 'HSCT'],
  });
  assert.deepEqual(layerSettings([{}, project, { scopes: 'document', rules: { 'foreign-script': 'off' } }]), {
    rules: { 'foreign-script': 'off' },
    scopeMode: 'document',
    noDefinition: ['HSCT'],
  });
  assert.equal(layeredValue('chapters', [{ chapters: 'continue' }, { chapters: 'reset' }, {}]), 'reset');
  assert.equal(layeredValue('chapters', [{}, {}]), 'continue', 'the default when no layer gives it');
});

test('front matter layers over the settings a document was given, keeping its book context', () => {
  const book = { inherited: [], usedLater: ['NK'] };
  const given = { scopeMode: 'journal' as const, rules: { 'foreign-script': 'hint' as const }, noDefinition: ['GLP'], book };
  assert.deepEqual(layerSettings([{ scopes: 'document', rules: { 'unused-abbreviation': 'off' }, noDefinition: ['HSCT'], defineInLegends: true }], given), {
    scopeMode: 'document',
    rules: { 'foreign-script': 'hint', 'unused-abbreviation': 'off' },
    noDefinition: ['GLP', 'HSCT'],
    defineInLegends: true,
    book,
  });
  assert.deepEqual(layerSettings([{}], given), given);
});

test('the settings table is what package.json contributes and what the editor defaults are', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { type: string; default: unknown; enum?: string[]; minimum?: number; maximum?: number }> } };
  };
  const contributed = Object.entries(manifest.contributes.configuration.properties).filter(([name]) => name !== 'carnk.trace.server');
  assert.deepEqual(contributed.map(([name]) => name.slice('carnk.'.length)).sort(), SETTINGS.map((s) => s.name).sort());
  for (const [name, property] of contributed) {
    const setting = SETTINGS.find((s) => `carnk.${s.name}` === name)!;
    assert.deepEqual(property.default, setting.default, `${name} default`);
    const expectedType = { choice: 'string', boolean: 'boolean', number: 'number', strings: 'array', severities: 'object' }[setting.type.kind];
    assert.equal(property.type, expectedType, `${name} type`);
    if (setting.type.kind === 'choice') assert.deepEqual(property.enum, setting.type.values, `${name} values`);
    if (setting.type.kind === 'number') assert.equal(property.minimum, setting.type.min, `${name} minimum`);
  }
  assert.deepEqual(Object.keys(DEFAULT_SETTINGS).sort(), SETTINGS.map((s) => s.name).sort());
  assert.deepEqual(readSettings(undefined).settings, DEFAULT_SETTINGS);
  assert.notEqual(readSettings(undefined).settings.rules, DEFAULT_SETTINGS.rules, 'defaults are fresh objects each time');
});
