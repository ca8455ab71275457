// Checks snippets/carnk.code-snippets (contributed in package.json; each snippet scoped to markdown, quarto, rmd):
// well-formed tab stops and choices, unique prefixes, and no written form that the knowledge base
// discourages in any text a snippet can produce.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse, type ParseError } from 'jsonc-parser';

const root = new URL('../../', import.meta.url);
const SNIPPETS_FILE = 'snippets/carnk.code-snippets';

interface Snippet {
  scope?: string;
  prefix: string | string[];
  description: string;
  body: string[];
}

function loadSnippets(): Record<string, Snippet> {
  const errors: ParseError[] = [];
  const snippets = parse(readFileSync(new URL(SNIPPETS_FILE, root), 'utf8'), errors) as Record<string, Snippet>;
  assert.deepEqual(errors, [], 'the snippets file is not valid JSON with comments');
  return snippets;
}

/** Every `${n:default}` and `${n|a,b|}` of a snippet body, with `$n` stops. */
function tabStops(text: string): { index: number; choices?: string[] }[] {
  const stops: { index: number; choices?: string[] }[] = [];
  for (const match of text.matchAll(/\$\{(\d+)\|([^|]*)\|\}|\$\{(\d+):|\$(\d+)/g)) {
    if (match[1] !== undefined) stops.push({ index: Number(match[1]), choices: (match[2] ?? '').split(',') });
    else stops.push({ index: Number(match[3] ?? match[4]) });
  }
  return stops;
}

/** The text a snippet produces when every choice takes option `pick` (wrapping) and defaults stay. */
function expand(body: string[], pick: number): string {
  let text = body.join('\n');
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text
      .replace(/\$\{\d+\|([^|]*)\|\}/g, (_, choices: string) => {
        const options = choices.split(',');
        return options[pick % options.length] ?? '';
      })
      .replace(/\$\{\d+:([^${}]*)\}/g, '$1');
  }
  return text.replace(/\$\d+/g, '');
}

test('every snippet has a carnk- prefix, a description and a body ending in $0', () => {
  const snippets = loadSnippets();
  assert.ok(Object.keys(snippets).length >= 8);
  const seen = new Set<string>();
  for (const [name, snippet] of Object.entries(snippets)) {
    const prefixes = Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
    assert.ok(prefixes.some((prefix) => prefix.startsWith('carnk-')), `${name}: no carnk- prefix`);
    for (const prefix of prefixes) {
      assert.ok(!seen.has(prefix), `${name}: prefix ${prefix} used twice`);
      seen.add(prefix);
    }
    assert.ok(snippet.description.length > 20, `${name}: description too short`);
    assert.ok(Array.isArray(snippet.body) && snippet.body.length > 0, `${name}: empty body`);
    assert.equal(snippet.body.at(-1), '$0', `${name}: the last line should leave the cursor after the block`);
  }
});

test('tab stops are numbered from 1 without gaps, and choice lists have no empty option', () => {
  for (const [name, snippet] of Object.entries(loadSnippets())) {
    const stops = tabStops(snippet.body.join('\n'));
    const numbers = [...new Set(stops.map((stop) => stop.index).filter((index) => index > 0))].sort((a, b) => a - b);
    assert.deepEqual(numbers, numbers.map((_, i) => i + 1), `${name}: tab stops ${numbers.join(',')}`);
    for (const stop of stops) {
      if (stop.choices) assert.ok(stop.choices.length >= 2 && stop.choices.every((option) => option.trim().length > 0), `${name}: choice ${stop.index}`);
    }
    // Unbalanced braces would make VS Code insert the snippet literally.
    const text = snippet.body.join('\n');
    assert.equal((text.match(/\{/g) ?? []).length, (text.match(/\}/g) ?? []).length, `${name}: unbalanced braces`);
  }
});

test('no snippet can produce a written form that the knowledge base discourages', () => {
  const knowledge = JSON.parse(readFileSync(new URL('out/generated/knowledge.json', root), 'utf8')) as {
    entries: { discouraged?: { form: string }[] }[];
  };
  const discouraged = knowledge.entries.flatMap((entry) => (entry.discouraged ?? []).map((d) => d.form));
  assert.ok(discouraged.length > 10, 'knowledge base not built (run node scripts/build.mjs)');
  for (const [name, snippet] of Object.entries(loadSnippets())) {
    for (let pick = 0; pick < 6; pick++) {
      const text = expand(snippet.body, pick);
      assert.ok(!text.includes('${'), `${name}: placeholder left after expansion`);
      for (const form of discouraged) {
        const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        assert.doesNotMatch(text, new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u'), `${name} (choice ${pick}) writes '${form}'`);
      }
    }
  }
});

test('the snippets apply to markdown, quarto and rmd, and package.json contributes the file', () => {
  for (const [name, snippet] of Object.entries(loadSnippets())) {
    assert.deepEqual(snippet.scope?.split(',').sort(), ['markdown', 'quarto', 'rmd'], `${name}: scope`);
  }
  const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { contributes: { snippets: { language?: string; path: string }[] } };
  // No language in package.json: VS Code then reads each snippet's scope (only from .code-snippets files).
  assert.deepEqual(manifest.contributes.snippets, [{ path: `./${SNIPPETS_FILE}` }]);
});
