// Project glossaries: parsing YAML and JSON, defaults, and one positioned problem per fault.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGlossary, termIdFromPreferred, createKnowledgeBase, loadBuiltinKnowledge } from '../../server/src/service/knowledge';

/** Problems as "line:character message" (0-based positions), the way an editor would place them. */
function problemsOf(text: string, fileName: string): string[] {
  return parseGlossary(text, fileName).problems.map((p) => `${p.line}:${p.character} ${p.message}`);
}

const problemCases: { name: string; fileName: string; text: string; expected: string[] }[] = [
  {
    name: 'valid YAML glossary',
    fileName: '.carnk-glossary.yaml',
    text: 'entries:\n  - preferred: NKAE\n    expansions: [NK-activating engager]\n',
    expected: [],
  },
  {
    name: 'YAML syntax error: one message with file and line',
    fileName: '.carnk-glossary.yaml',
    text: 'entries:\n  - preferred: NKAE\n    expansions: [NK-activating engager\n  - preferred: X\n',
    expected: ['3:2 .carnk-glossary.yaml:4: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]'],
  },
  {
    name: 'YAML wrong field type points at the value',
    fileName: 'g.yaml',
    text: 'entries:\n  - preferred: NKAE\n    needsDefinition: sometimes\n',
    expected: ['2:21 g.yaml:3: entries[0].needsDefinition must be true or false'],
  },
  {
    name: 'YAML unknown field points at the key',
    fileName: 'g.yaml',
    text: 'entries:\n  - preferred: NKAE\n    synonym: NK engager\n',
    expected: ['2:4 g.yaml:3: entries[0]: unknown field "synonym"'],
  },
  {
    name: 'YAML missing preferred',
    fileName: 'g.yaml',
    text: 'entries:\n  - definition: something\n',
    expected: ['1:4 g.yaml:2: entries[0]: missing required field "preferred"'],
  },
  {
    name: 'YAML duplicate key is a syntax error',
    fileName: 'g.yml',
    text: 'entries:\n  - preferred: A\n    preferred: B\n',
    expected: ['2:4 g.yml:3: YAML syntax error: Map keys must be unique'],
  },
  {
    name: 'top level is not a mapping',
    fileName: 'g.yaml',
    text: '- preferred: A\n',
    expected: ['0:0 g.yaml:1: the glossary must be a mapping of fields'],
  },
  {
    name: 'entries is not a list',
    fileName: 'g.yaml',
    text: 'entries: NKAE\n',
    expected: ['0:9 g.yaml:1: entries must be a list'],
  },
  {
    name: 'JSON syntax error: one message with file and line',
    fileName: '.carnk-glossary.json',
    text: '{\n  "entries": [\n    { "preferred": "NKAE", }\n    { "preferred": "X" }\n  ]\n}\n',
    expected: ['3:4 .carnk-glossary.json:4: JSON syntax error: comma expected'],
  },
  {
    name: 'JSON wrong field type points at the value',
    fileName: 'g.json',
    text: '{\r\n  "entries": [\r\n    { "preferred": "NKAE", "genes": [{ "symbol": "X", "ncbiGeneId": "12" }] }\r\n  ]\r\n}',
    expected: ['2:68 g.json:3: entries[0].genes[0].ncbiGeneId must be an integer'],
  },
  {
    name: 'JSON unknown field points at the key',
    fileName: 'g.json',
    text: '{"entries": [\n {"preferred": "A", "colour": "red"}]}',
    expected: ['1:20 g.json:2: entries[0]: unknown field "colour"'],
  },
  {
    name: 'each invalid entry gives one problem; duplicate ids are reported',
    fileName: 'g.yaml',
    text: 'entries:\n  - preferred: A\n    variants: B\n  - preferred: C\n    id: Bad Id\n  - preferred: D\n  - preferred: D\n',
    expected: [
      '2:14 g.yaml:3: entries[0].variants must be a list',
      '4:8 g.yaml:5: entries[1].id must be lower-case letters and digits separated by hyphens (for example il-15)',
      '6:4 g.yaml:7: entries[3]: id "d" is already used by entries[2]; this entry is ignored',
    ],
  },
  { name: 'empty file', fileName: 'g.yaml', text: '', expected: [] },
  { name: 'comments only', fileName: 'g.yaml', text: '# nothing yet\n', expected: [] },
];

for (const { name, fileName, text, expected } of problemCases) {
  test(`glossary problems: ${name}`, () => assert.deepEqual(problemsOf(text, fileName), expected));
}

test('glossary entries get defaults: id from preferred, category, needsDefinition from expansions', () => {
  const { entries, problems } = parseGlossary(
    'entries:\n  - preferred: IL-15Rα\n    expansions: [interleukin-15 receptor α]\n  - preferred: γδ T cell\n    definition: A T cell.\n',
    '.carnk-glossary.yaml',
  );
  assert.deepEqual(problems, []);
  assert.deepEqual(
    entries.map((e) => [e.id, e.category, e.needsDefinition, e.variants.length, e.definition]),
    [
      ['il-15r-alpha', 'project-glossary', true, 0, ''],
      ['gamma-delta-t-cell', 'project-glossary', false, 0, 'A T cell.'],
    ],
  );
});

test('valid entries survive next to invalid ones and can override built-in entries', () => {
  const { entries } = parseGlossary(
    'entries:\n  - id: nk\n    preferred: NK\n    expansions: [natural killer]\n    definition: Our wording.\n  - preferred: 5\n',
    'g.yaml',
  );
  assert.deepEqual(entries.map((e) => e.id), ['nk']);
  const merged = createKnowledgeBase([...loadBuiltinKnowledge().entries, ...entries]);
  assert.equal(merged.byId('nk')?.definition, 'Our wording.');
  assert.equal(merged.lookup('natural killer')?.entry.category, 'project-glossary');
});

test('hostile glossary input never throws', () => {
  const inputs = ['\u0000\uFFFF', '{'.repeat(10000), 'a: &x [*x]', 'entries: [' + '"x",'.repeat(1000), '\uD800', 'a: b: c'];
  for (const text of inputs) {
    for (const fileName of ['g.yaml', 'g.json']) {
      const result = parseGlossary(text, fileName);
      assert.ok(Array.isArray(result.entries) && Array.isArray(result.problems));
      for (const p of result.problems) assert.ok(p.line >= 0 && p.character >= 0 && p.message.startsWith(fileName));
    }
  }
});

test('ids derived from preferred forms', () => {
  assert.deepEqual(
    ['IL-15Rα', 'CD56⁺ NK', 'TGF-β', '***', 'Flu/Cy'].map(termIdFromPreferred),
    ['il-15r-alpha', 'cd56-plus-nk', 'tgf-beta', 'term', 'flu-cy'],
  );
});
