import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { applyEdits, createTerminologyService } from '../../server/src/service/index';
import { propertySeed } from '../helpers/propertySeed';

// Property: quick fixes never corrupt text. Documents come from a grammar of manuscript
// fragments (terms, definitions both ways, discouraged variants, markdown constructs,
// CRLF/CR endings, tabs, Greek, characters outside the BMP).
const service = createTerminologyService();

const fragments = [
  'Natural killer (NK) cells',
  'NK cells kill',
  'antibody-dependent cellular cytotoxicity (ADCC)',
  'ADCC',
  'TGF-beta',
  'IFN-gamma',
  'CAR NK products',
  'CAR-NK cells',
  'IL15 levels',
  '*IL15* transgene',
  'CISH knockout',
  'cytokine release syndrome (CRS)',
  'cytokine release syndrome',
  'CRS',
  'TGF-β (transforming growth factor beta)',
  'umbilical cord blood (UCB)',
  'iPSCs',
  'CD16a',
  'FcγRIIIa',
  'сytotoxicity',
  '通过',
  'CD56⁺ cells',
  '😀 emoji',
  'GvHD',
  'graft-versus-host disease (GvHD; ref. 3)',
  '[@liu2020]',
  '`NK code`',
  '$E{:}T$',
  '<!-- ADCC -->',
  '[link](https://x.org/ICANS)',
  '(unbalanced',
  'closing)',
  '\t',
];
const separators = [' ', '. ', ', ', '\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\n\n## Heading GMP\n\n', '\n\n**Figure 1.** ', '\n\n```\nCRS\n```\n\n'];

const documentArbitrary = fc
  .array(fc.tuple(fc.constantFrom(...fragments), fc.constantFrom(...separators)), { minLength: 1, maxLength: 24 })
  .chain((parts) =>
    fc.boolean().map((frontMatter) => (frontMatter ? '---\ntitle: CAR-NK\nabstract: Natural killer (NK) cells and NK.\n---\n\n' : '') + parts.map(([f, s]) => f + s).join('')),
  );

const runs = Number(process.env.CARNK_PROPERTY_RUNS ?? 300);
const seed = propertySeed();

test(`quick fixes never corrupt text (seed ${seed}, ${runs} runs)`, () => {
  console.log(`fix property: seed ${seed}, runs ${runs}`);
  let offered = 0;
  let total = 0;
  fc.assert(
    fc.property(documentArbitrary, (text) => {
      total++;
      const uri = 'property.md';
      const diagnostics = service.lint({ uri, version: 1, text });
      const model = service.model({ uri, version: 1, text });
      let anyFix = false;
      for (const d of diagnostics) {
        assert.ok(d.start >= 0 && d.start <= d.end && d.end <= text.length, 'diagnostic inside the text');
        assert.equal(model.lines.offsetAt(d.range.start), d.start);
        assert.equal(model.lines.offsetAt(d.range.end), d.end);
        for (const fix of d.data?.fixes ?? []) {
          anyFix = true;
          const edits = fix.edits.map((e) => ({ start: model.lines.offsetAt(e.range.start), end: model.lines.offsetAt(e.range.end), newText: e.newText }));
          const result = applyEdits(text, edits);
          const first = Math.min(...edits.map((e) => e.start));
          const last = Math.max(...edits.map((e) => e.end));
          // Text outside the edits is unchanged.
          assert.equal(result.slice(0, first), text.slice(0, first));
          assert.equal(result.slice(result.length - (text.length - last)), text.slice(last));
        }
      }
      if (anyFix) offered++;
      // Applying every safe fix to a fixed point, then once more, changes nothing more.
      const once = service.fixAll({ uri, version: 2, text });
      const twice = service.fixAll({ uri, version: 3, text: once.text });
      assert.equal(twice.text, once.text, 'a second fix pass changes nothing');
      // Text a fix never touches survives: every character of the code block and citations stays.
      for (const kept of ['[@liu2020]', '`NK code`', '$E{:}T$', '<!-- ADCC -->']) {
        const before = text.split(kept).length;
        assert.equal(once.text.split(kept).length, before, `'${kept}' kept`);
      }
    }),
    { seed, numRuns: runs },
  );
  console.log(`fix property: ${offered} of ${total} documents were offered a fix`);
  assert.ok(offered * 2 >= total, 'at least half of the documents are offered a fix');
});
