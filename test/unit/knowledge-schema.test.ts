// The JSON Schemas for category files and glossaries, and the build script's error reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';

const root = join(__dirname, '..', '..');
const termsSchema = JSON.parse(readFileSync(join(root, 'data/schema/terms.schema.json'), 'utf8')) as {
  definitions: Record<string, unknown>;
};
const glossarySchema = JSON.parse(readFileSync(join(root, 'data/schema/glossary.schema.json'), 'utf8')) as {
  definitions: Record<string, unknown>;
};

const validEntry = {
  id: 'il-15',
  preferred: 'IL-15',
  expansions: ['interleukin-15'],
  definition: 'A cytokine that supports NK-cell survival and expansion.',
  genes: [{ symbol: 'IL15', ncbiGeneId: 3600 }],
  needsDefinition: true,
};

function validateCategory(data: unknown): string[] {
  const validate = new Ajv({ allErrors: true, strict: true }).compile(termsSchema);
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`);
}

const schemaCases: { name: string; entry: Record<string, unknown>; expected: string[] }[] = [
  { name: 'a complete entry', entry: validEntry, expected: [] },
  { name: 'an upper-case id', entry: { ...validEntry, id: 'IL-15' }, expected: ['/entries/0/id pattern'] },
  { name: 'a missing definition', entry: { ...validEntry, definition: undefined }, expected: ['/entries/0 required'] },
  { name: 'a gene id given as text', entry: { ...validEntry, genes: [{ symbol: 'IL15', ncbiGeneId: '3600' }] }, expected: ['/entries/0/genes/0/ncbiGeneId type'] },
  { name: 'an unknown field', entry: { ...validEntry, synonyms: ['IL 15'] }, expected: ['/entries/0 additionalProperties'] },
  { name: 'a form with a doubled space', entry: { ...validEntry, variants: ['IL  15'] }, expected: ['/entries/0/variants/0 pattern'] },
  { name: 'a discouraged form without reason', entry: { ...validEntry, discouraged: [{ form: 'IL15', replacement: 'IL-15' }] }, expected: ['/entries/0/discouraged/0 required'] },
  { name: 'needsDefinition as a string', entry: { ...validEntry, needsDefinition: 'yes' }, expected: ['/entries/0/needsDefinition type'] },
];

for (const { name, entry, expected } of schemaCases) {
  test(`terms schema: ${name}`, () => {
    const cleaned = Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined));
    assert.deepEqual(validateCategory({ category: 'cytokines', entries: [cleaned] }), expected);
  });
}

test('glossary schema shares every field definition with the terms schema except the relaxed ones', () => {
  const relaxed = new Set(['entry', 'definition']);
  for (const [name, definition] of Object.entries(termsSchema.definitions)) {
    if (relaxed.has(name)) continue;
    assert.deepEqual(glossarySchema.definitions[name], definition, `definitions.${name} differs`);
  }
  assert.deepEqual(Object.keys(glossarySchema.definitions).sort(), Object.keys(termsSchema.definitions).sort());
});

/** A throw-away repository root holding the schemas and the given category files. */
function temporaryRoot(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'carnk-knowledge-'));
  cpSync(join(root, 'data/schema'), join(dir, 'data/schema'), { recursive: true });
  mkdirSync(join(dir, 'data/terms'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'data/terms', name), text);
  return dir;
}

async function buildProblems(files: Record<string, string>): Promise<string[]> {
  const { buildKnowledge, KnowledgeBuildError } = await import('../../scripts/build-knowledge.mjs');
  const dir = temporaryRoot(files);
  try {
    buildKnowledge({ root: dir, write: false });
    return [];
  } catch (error) {
    if (error instanceof KnowledgeBuildError) return error.problems;
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const entryYaml = (id: string, preferred: string, extra = ''): string =>
  `  - id: ${id}\n    preferred: ${preferred}\n    expansions: []\n    definition: The ${id} entry exists to test the build script.\n    needsDefinition: false\n${extra}`;

const buildCases: { name: string; files: Record<string, string>; expected: RegExp[] }[] = [
  {
    name: 'a wrong field type is reported with file, line and entry id',
    files: { 'cytokines.yaml': `category: cytokines\nentries:\n${entryYaml('il-2', 'IL-2', '    genes:\n      - { symbol: IL2, ncbiGeneId: three }\n')}` },
    expected: [/^data\/terms\/cytokines\.yaml:9:36 \[il-2\] entries\.0\.genes\.0\.ncbiGeneId: must be integer$/],
  },
  {
    name: 'a YAML syntax error names the line',
    files: { 'cytokines.yaml': 'category: cytokines\nentries:\n  - id: [il-2\n' },
    expected: [/^data\/terms\/cytokines\.yaml:\d+:\d+ YAML syntax: /],
  },
  {
    name: 'a category that does not match the file name',
    files: { 'cytokines.yaml': `category: chemokines\nentries:\n${entryYaml('il-2', 'IL-2')}` },
    expected: [/cytokines\.yaml:1:\d+ category "chemokines" must equal the file name "cytokines"/],
  },
  {
    name: 'duplicate ids across files',
    files: {
      'a.yaml': `category: a\nentries:\n${entryYaml('il-2', 'IL-2')}`,
      'b.yaml': `category: b\nentries:\n${entryYaml('il-2', 'interleukin 2')}`,
    },
    expected: [/^data\/terms\/b\.yaml:3:\d+ \[il-2\] duplicate id, first defined at data\/terms\/a\.yaml:3/],
  },
  {
    name: 'a form shared by two entries that are not marked ambiguous',
    files: { 'a.yaml': `category: a\nentries:\n${entryYaml('pd', 'PD')}${entryYaml('pd-2', 'PD')}` },
    expected: [/\[pd-2\] form "PD" already belongs to entry "pd"/],
  },
  {
    name: 'a form shared by two ambiguous entries is accepted',
    files: { 'a.yaml': `category: a\nentries:\n${entryYaml('pd', 'PD', '    ambiguous: true\n')}${entryYaml('pd-2', 'PD', '    ambiguous: true\n')}` },
    expected: [],
  },
  {
    name: 'a related id that does not exist',
    files: { 'a.yaml': `category: a\nentries:\n${entryYaml('il-2', 'IL-2', '    related: [il-99]\n')}` },
    expected: [/^data\/terms\/a\.yaml:8:\d+ \[il-2\] related id "il-99" does not exist$/],
  },
  {
    name: 'an abbreviation needing a definition but without expansion',
    files: { 'a.yaml': `category: a\nentries:\n${entryYaml('il-2', 'IL-2').replace('needsDefinition: false', 'needsDefinition: true')}` },
    expected: [/\[il-2\] needsDefinition is true but there is no expansion/],
  },
];

for (const { name, files, expected } of buildCases) {
  test(`build script: ${name}`, async () => {
    const problems = await buildProblems(files);
    assert.equal(problems.length, expected.length, problems.join('\n'));
    expected.forEach((pattern, i) => assert.match(problems[i] ?? '', pattern));
  });
}

test('build script: warns about forms differing only in case, hyphens or Greek spelling', async () => {
  const { buildKnowledge } = await import('../../scripts/build-knowledge.mjs');
  const dir = temporaryRoot({ 'a.yaml': `category: a\nentries:\n${entryYaml('tgf-beta', 'TGF-β')}${entryYaml('tgf-b', 'TGF beta')}` });
  try {
    const { warnings } = buildKnowledge({ root: dir, write: false });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /"TGF-β" \(tgf-beta\), "TGF beta" \(tgf-b\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('build script writes compact knowledge.json and the glossary validator', async () => {
  const { buildKnowledge } = await import('../../scripts/build-knowledge.mjs');
  const dir = temporaryRoot({ 'a.yaml': `category: a\nentries:\n${entryYaml('perforin', 'perforin')}` });
  try {
    buildKnowledge({ root: dir });
    const knowledge = JSON.parse(readFileSync(join(dir, 'out/generated/knowledge.json'), 'utf8'));
    assert.deepEqual(knowledge.entries, [
      {
        id: 'perforin',
        preferred: 'perforin',
        expansions: [],
        definition: 'The perforin entry exists to test the build script.',
        category: 'a',
        needsDefinition: false,
      },
    ]);
    assert.match(readFileSync(join(dir, 'out/generated/glossary-validator.js'), 'utf8'), /exports\.validateGlossaryEntry/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
