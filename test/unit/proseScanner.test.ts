import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { scanProse } from '../../server/src/service/markdown/proseScanner';

/** The words of the prose that survive masking, in order. */
function proseWords(text: string, format: 'markdown' | 'text' = 'markdown'): string[] {
  const map = scanProse(text, format);
  assert.equal(map.masked.length, text.length, 'masking keeps every offset');
  return map.blocks.flatMap((b) => map.masked.slice(b.start, b.end).match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? []);
}

describe('prose scanner: what is not prose', () => {
  const cases: { name: string; input: string; absent: string[]; present: string[] }[] = [
    { name: 'fenced code', input: 'Prose NK.\n\n```python\nADCC = 1\n```\n', absent: ['ADCC'], present: ['Prose', 'NK'] },
    { name: 'Quarto code chunk with options', input: '```{r}\n#| label: fig-NK\nCRS <- 2\n```\n\nText ICANS.', absent: ['CRS', 'fig-NK'], present: ['ICANS'] },
    { name: 'indented code', input: 'Para.\n\n    GMP code\n\nAfter.', absent: ['GMP'], present: ['Para', 'After'] },
    { name: 'inline code and inline R', input: 'Use `ADCC` and `r nrow(NK)` here.', absent: ['ADCC', 'NK', 'nrow'], present: ['Use', 'here'] },
    { name: 'YAML front matter except title and abstract', input: '---\ntitle: "CAR-NK title"\nauthor: GMP Person\nabstract: |\n  Abstract with ADCC.\n---\n\nBody.', absent: ['GMP', 'Person', 'author'], present: ['CAR-NK', 'title', 'ADCC', 'Body'] },
    { name: 'TOML front matter', input: '+++\ntitle = "NK"\n+++\n\nBody.', absent: ['NK'], present: ['Body'] },
    { name: 'HTML comment inline and block', input: 'Text <!-- TODO ADCC --> more.\n\n<!--\nCRS\n-->\n\nEnd.', absent: ['ADCC', 'CRS', 'TODO'], present: ['Text', 'more', 'End'] },
    { name: 'raw HTML tags', input: 'A <span class="NKX">word</span> here.', absent: ['NKX', 'span', 'class'], present: ['word'] },
    { name: 'link and image targets, autolinks, bare URLs', input: 'See [the NK page](https://x.org/ADCC "CRS") and ![CD19 map](img/GPC3.png) <https://a.org/ICANS> https://b.org/GvHD.', absent: ['ADCC', 'CRS', 'GPC3', 'ICANS', 'GvHD'], present: ['NK', 'CD19'] },
    { name: 'reference links keep the text', input: 'See [NK cells][NKREF].\n\n[NKREF]: https://x.org', absent: ['NKREF'], present: ['NK'] },
    { name: 'pandoc citations', input: 'Shown before [@liu2020; @LEE2019, p. 4] and by @WANG2019 and [-@NKX2020].', absent: ['liu2020', 'LEE2019', 'WANG2019', 'NKX2020'], present: ['Shown', 'before', 'by'] },
    { name: 'cross-references and attributes', input: 'See @fig-CAR and @tbl-NK.\n\n## Methods {#sec-GMP .unnumbered}', absent: ['fig-CAR', 'tbl-NK', 'sec-GMP', 'unnumbered'], present: ['See', 'Methods'] },
    { name: 'fenced div fences and shortcodes', input: '::: {#fig-a .column-NK}\nLegend text.\n:::\n\n{{< include _ADCC.qmd >}}\n\nEnd.', absent: ['column-NK', 'ADCC', 'include'], present: ['Legend', 'End'] },
    { name: 'math by pandoc rules', input: 'Ratio $E{:}T$ and $$\\mathrm{NK}$$ but costs $5 and $10 stay.', absent: ['E', 'mathrm', 'NK'], present: ['Ratio', 'costs', '5', '10', 'stay'] },
    { name: 'references section is not linted', input: '# Results\n\nNK here.\n\n# References\n\nSmith J. CRS paper.\n\n# Appendix\n\nICANS.', absent: ['CRS', 'Smith'], present: ['NK', 'ICANS'] },
    { name: 'keywords paragraph', input: 'Body NK.\n\n**Keywords:** ADCC; CRS', absent: ['ADCC', 'CRS'], present: ['Body', 'NK'] },
    { name: 'LaTeX commands', input: 'See \\ref{fig:NK} and \\cite{GMP2020}.', absent: ['fig', 'GMP2020', 'ref'], present: ['See'] },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const words = proseWords(c.input);
      for (const w of c.absent) assert.ok(!words.includes(w), `'${w}' must not be prose in: ${JSON.stringify(c.input)} (got ${words.join(' ')})`);
      for (const w of c.present) assert.ok(words.includes(w), `'${w}' must be prose in: ${JSON.stringify(c.input)} (got ${words.join(' ')})`);
    });
  }
});

describe('prose scanner: regions', () => {
  const regionOf = (text: string, word: string) => {
    const map = scanProse(text, 'markdown');
    const at = text.indexOf(word);
    const block = map.blocks.find((b) => b.start <= at && at < b.end);
    return block ? (block.region.kind === 'legend' ? `legend:${block.region.label}` : block.region.kind) : 'none';
  };
  const cases: { name: string; input: string; word: string; region: string }[] = [
    { name: 'front matter title', input: '---\ntitle: CAR-NK cells\n---\n\nBody.', word: 'CAR-NK', region: 'title' },
    { name: 'front matter abstract', input: '---\nabstract: >\n  Short ADCC text.\n---\n\nBody.', word: 'ADCC', region: 'abstract' },
    { name: 'abstract section by heading', input: '# Abstract\n\nShort ADCC text.\n\n# Introduction\n\nBody CRS.', word: 'ADCC', region: 'abstract' },
    { name: 'after the abstract section', input: '# Abstract\n\nShort ADCC text.\n\n# Introduction\n\nBody CRS.', word: 'CRS', region: 'main' },
    { name: 'leading H1 is the title', input: '# CAR-NK therapy\n\nBody.', word: 'CAR-NK', region: 'title' },
    { name: 'leading Introduction is not a title', input: '# Introduction\n\nBody NK.', word: 'Introduction', region: 'main' },
    { name: 'Quarto figure div', input: '::: {#fig-killing}\n![x](a.png)\n\nKilling by NK cells.\n:::\n\nMain NK.', word: 'Killing', region: 'legend:fig-killing' },
    { name: 'legend paragraph', input: 'Main.\n\n**Figure 2.** CAR constructs used.', word: 'CAR', region: 'legend:Figure 2' },
    { name: 'table legend paragraph', input: 'Main.\n\nTable 3: NK sources.', word: 'NK', region: 'legend:Table 3' },
    { name: 'image caption with id', input: 'Main.\n\n![Killing by NK cells](k.png){#fig-k}\n\nMore.', word: 'Killing', region: 'legend:fig-k' },
    { name: 'pipe table caption claims its table', input: '| NK | CAR |\n|---|---|\n| a | b |\n\nTable: Sources of cells {#tbl-src}', word: 'NK', region: 'legend:tbl-src' },
    { name: 'abstract ends at a thematic break', input: '## Abstract\n\nShort ADCC text.\n\n---\n\nBody CRS.', word: 'CRS', region: 'main' },
    { name: 'abstract ends at a star or underscore break', input: '## Abstract\n\nShort ADCC text.\n\n***\n\nBody CRS.\n\n## Abstract\n\nMore GMP.\n\n____\n\nLast ICANS.', word: 'ICANS', region: 'main' },
    { name: 'text before the break is the abstract', input: '## Abstract\n\nShort ADCC text.\n\n---\n\nBody CRS.', word: 'ADCC', region: 'abstract' },
    { name: 'a setext heading is not a break', input: '## Abstract\n\nShort ADCC text.\nPart\n---\n\nBody CRS.', word: 'CRS', region: 'main' },
    { name: 'abstract ends at a deeper heading', input: '# Abstract\n\nShort ADCC text.\n\n## Introduction\n\nBody CRS.', word: 'CRS', region: 'main' },
    { name: 'structured abstract parts under the abstract heading', input: '# Abstract\n\n## Background\n\nShort ADCC.\n\n## Findings\n\nMore GMP.\n\n# Introduction\n\nBody CRS.', word: 'GMP', region: 'abstract' },
    { name: 'main text after a structured abstract', input: '# Abstract\n\n## Background\n\nShort ADCC.\n\n## Findings\n\nMore GMP.\n\n# Introduction\n\nBody CRS.', word: 'CRS', region: 'main' },
    { name: 'a Methods heading after abstract text is main text', input: '# Abstract\n\nShort ADCC.\n\n## Methods\n\nBody CRS.', word: 'CRS', region: 'main' },
    { name: 'a leading Summary is the abstract', input: '# CAR-NK therapy\n\nA. Author, B. Author\n\n## Summary\n\nShort ADCC text.\n\n## Introduction\n\nBody CRS.', word: 'ADCC', region: 'abstract' },
    { name: 'the main text after a leading Summary', input: '# CAR-NK therapy\n\n## Summary\n\nShort ADCC text.\n\n## Introduction\n\nBody CRS.', word: 'CRS', region: 'main' },
    { name: 'a closing Summary is main text', input: '# CAR-NK therapy\n\n## Introduction\n\nBody CRS.\n\n## Summary\n\nClosing ADCC text.', word: 'ADCC', region: 'main' },
    { name: 'a Summary after keywords is still leading', input: '## Keywords\n\nNK; CAR\n\n## Summary\n\nShort ADCC text.', word: 'ADCC', region: 'abstract' },
    { name: 'multi-line image caption with the opening alone on its line', input: 'Main.\n\n![\n**Killing by NK cells.**\nMore ADCC text [@lee2020].\n](kill.png "Killing"){#fig:kill secno=1}\n\nMore CRS.', word: 'ADCC', region: 'legend:fig:kill' },
    { name: 'after a multi-line caption', input: 'Main.\n\n![\nKilling by NK cells.\n](kill.png){#fig:kill}\n\nMore CRS.', word: 'CRS', region: 'main' },
    { name: 'multi-line caption without an id is labelled by its image', input: 'Main.\n\n![Killing by NK\ncells and ADCC](img/kill.png)\n\nMore.', word: 'ADCC', region: 'legend:img/kill.png' },
    { name: 'a caption holding links and brackets', input: '![Killing [see @lee2020] and [a link](x.html) by ADCC](k.png){#fig-k}', word: 'ADCC', region: 'legend:fig-k' },
    { name: 'an image followed by text is not a caption', input: 'Main.\n\n![Killing ADCC](k.png) and more\ntext here.\n\nMore.', word: 'ADCC', region: 'main' },
  ];
  for (const c of cases) test(c.name, () => assert.equal(regionOf(c.input, c.word), c.region));
});

describe('prose scanner: hostile input keeps offsets', () => {
  const inputs = [
    '',
    '\ufeff# Title with BOM\n\nNK.',
    'CRLF line\r\nsecond NK line\r\n\r\nnext para\r\n',
    'CR only\rNK\r\rpara',
    '\tTabbed TGF-β and CD56⁺ cells 𝛾 😀 here.',
    '('.repeat(5000) + 'NK' + ')'.repeat(10),
    '`'.repeat(3000),
    '$'.repeat(3000) + ' NK',
    '[x]('.repeat(2000),
    '<!--'.repeat(1000),
    '---\ntitle: [unclosed\n---\n\nNK.',
    '\u0000\u0001binary\u00ff\ud800 lone surrogate \udfff',
  ];
  for (const [i, input] of inputs.entries()) {
    test(`input ${i}`, () => {
      const map = scanProse(input, 'markdown');
      assert.equal(map.masked.length, input.length);
      for (const b of map.blocks) assert.ok(0 <= b.start && b.start <= b.end && b.end <= input.length);
    });
  }
  test('a lone CR before a div fence or front matter line keeps every line', () => {
    // Blanking the fence must not join the CR before it and the LF after it into one CRLF.
    assert.deepEqual(proseWords('Intro text.\r::: note\nNatural killer (NK) cells.\n:::\n'), ['Intro', 'text', 'Natural', 'killer', 'NK', 'cells']);
    assert.deepEqual(proseWords('---\ntitle: a\rb: c\n---\n\nNatural killer (NK) cells.\n'), ['Natural', 'killer', 'NK', 'cells']);
  });
  test('plain text is all prose', () => {
    assert.deepEqual(proseWords('NK `code` cells.\n\nSecond ADCC.', 'text'), ['NK', 'code', 'cells', 'Second', 'ADCC']);
  });
});
