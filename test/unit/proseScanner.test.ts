import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { scanProse, withCommentsInParagraphs } from '../../server/src/service/markdown/proseScanner';
import { tokenize } from '../../server/src/service/text/tokens';
import { withoutGlyphFill } from '../../server/src/service/text/characters';
import { undefinedKeys } from '../helpers/undefinedKeys';
import { createTerminologyService } from '../../server/src/service/index';

/** The words of the prose that survive masking, in order. */
function proseWords(text: string, format: 'markdown' | 'text' = 'markdown'): string[] {
  const map = scanProse(text, format);
  assert.equal(map.masked.length, text.length, 'masking keeps every offset');
  return map.blocks.flatMap((b) => map.masked.slice(b.start, b.end).match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? []);
}

/** One case per test: the words of `input` that must not be prose, and those that must. */
interface ProseCase {
  name: string;
  input: string;
  absent: string[];
  present: string[];
}

function checkProse(cases: ProseCase[]): void {
  for (const c of cases) {
    test(c.name, () => {
      const words = proseWords(c.input);
      for (const w of c.absent) assert.ok(!words.includes(w), `'${w}' must not be prose in: ${JSON.stringify(c.input)} (got ${words.join(' ')})`);
      for (const w of c.present) assert.ok(words.includes(w), `'${w}' must be prose in: ${JSON.stringify(c.input)} (got ${words.join(' ')})`);
    });
  }
}

describe('prose scanner: what is not prose', () => {
  const cases: ProseCase[] = [
    { name: 'fenced code', input: 'Prose NK.\n\n```python\nADCC = 1\n```\n', absent: ['ADCC'], present: ['Prose', 'NK'] },
    { name: 'a site\'s contributors with their affiliations, and its related publications', input: '### Quarkland\n\n#### Study information\n\nSamples came from QZL villages.\n\n#### Contributors\n\n- A. Person\n  - Quark Institute, QIX, Quark Road 1, QX1 7PY Quarktown.\n\n#### Related publications\n\n- B Author et al. 2010. The QRB inversion. Quark Journal.\n\n### Quarkania\n\nMore QZM samples.', absent: ['QIX', 'QX1', 'QRB'], present: ['QZL', 'QZM'] },
    { name: 'Quarto code chunk with options', input: '```{r}\n#| label: fig-NK\nCRS <- 2\n```\n\nText ICANS.', absent: ['CRS', 'fig-NK'], present: ['ICANS'] },
    { name: "a cell's caption is prose, its other options and code are not", input: '```{r}\n#| label: fig-NK\n#| fig-cap: "Killing by ADCC"\n#| fig-alt: "Bars of GMP lots"\nCRS <- 2\n```\n', absent: ['CRS', 'fig-NK', 'GMP', 'label', 'fig-cap'], present: ['Killing', 'ADCC'] },
    { name: 'the comment markers inside a caption on several lines are not prose', input: '```{r}\n#| fig-cap: >\n#|   Killing by\n#|   ADCC cells\nplot(x)\n```\n', absent: ['plot', 'fig-cap'], present: ['Killing', 'ADCC', 'cells'] },
    { name: 'a caption computed by code is not prose', input: '```{r lysis, fig.cap=paste("ADCC", n)}\nplot(x)\n```\n\n```{r}\n#| fig-cap: !expr paste("CRS", n)\nplot(x)\n```\n', absent: ['ADCC', 'CRS', 'paste'], present: [] },
    { name: 'the caption of a cell whose results are never printed is code', input: '```{r}\n#| echo: FALSE\n#| output: FALSE\n#| fig-cap: "Killing by ADCC"\nplot(x)\n```\n\n```{r}\n#| fig-cap: "Lysis by CRS"\n#| include: false\nplot(x)\n```\n\n```{r lysis, include=FALSE, fig.cap="Release of GMP"}\nplot(x)\n```\n', absent: ['ADCC', 'CRS', 'GMP', 'Killing', 'Lysis'], present: [] },
    { name: 'a literal caption given to the call that prints a table is prose; one built by code, a text reference and other arguments are not', input: '```{r de-table}\nknitr::kable(de,\n  caption = "Killing by ADCC", digits = 2)\nkbl(x, caption = paste("CRS", n))\nkbl(y, caption = "(ref:tab-gmp)")\nmycaption = "GMP lots"\n```\n', absent: ['kable', 'digits', 'CRS', 'GMP', 'ref'], present: ['Killing', 'ADCC'] },
    { name: 'a call caption commented out, in a cell not evaluated, or in another language is not prose', input: '```{r}\n# kable(old, caption = "Old ADCC table")\n```\n\n```{r, eval=FALSE}\nkbl(z, caption = "Lysis by CRS")\n```\n\n```{python}\nprint(f(caption = "Counts of GMP"))\n```\n', absent: ['ADCC', 'CRS', 'GMP'], present: [] },
    { name: 'hiding only the code keeps the caption, which is printed', input: '```{r}\n#| echo: false\n#| output: true\n#| fig-cap: "Killing by ADCC"\nplot(x)\n```\n\n```{r lysis, echo=FALSE, include=TRUE, fig.cap="Release of GMP"}\nplot(x)\n```\n', absent: ['plot'], present: ['Killing', 'ADCC', 'GMP'] },
    { name: 'a caption option in a plain code block is code', input: '```\n#| fig-cap: "ADCC"\n```\n\n```yaml\nfig.cap: "CRS"\n```\n', absent: ['ADCC', 'CRS'], present: [] },
    { name: 'indented code', input: 'Para.\n\n    GMP code\n\nAfter.', absent: ['GMP'], present: ['Para', 'After'] },
    { name: 'inline code and inline R', input: 'Use `ADCC` and `r nrow(NK)` here.', absent: ['ADCC', 'NK', 'nrow'], present: ['Use', 'here'] },
    { name: 'YAML front matter except title and abstract', input: '---\ntitle: "CAR-NK title"\nauthor: GMP Person\nabstract: |\n  Abstract with ADCC.\n---\n\nBody.', absent: ['GMP', 'Person', 'author'], present: ['CAR-NK', 'title', 'ADCC', 'Body'] },
    { name: 'TOML front matter', input: '+++\ntitle = "NK"\n+++\n\nBody.', absent: ['NK'], present: ['Body'] },
    { name: 'HTML comment inline and block', input: 'Text <!-- TODO ADCC --> more.\n\n<!--\nCRS\n-->\n\nEnd.', absent: ['ADCC', 'CRS', 'TODO'], present: ['Text', 'more', 'End'] },
    { name: 'raw HTML tags', input: 'A <span class="NKX">word</span> here.', absent: ['NKX', 'span', 'class'], present: ['word'] },
    { name: 'link and image targets, autolinks, bare URLs', input: 'See [the NK page](https://x.org/ADCC "CRS") and ![CD19 map](img/GPC3.png) <https://a.org/ICANS> https://b.org/GvHD.', absent: ['ADCC', 'CRS', 'GPC3', 'ICANS', 'GvHD'], present: ['NK', 'CD19'] },
    { name: 'a bare DOI is an identifier, like a bare URL', input: 'Data (10.17605/OSF.IO/QZNREJS) and doi: 10.1016/S0092-QZ74(00)80181-6. Dosing 10.5 mg in QZD cells (10.1 QZE).', absent: ['OSF.IO', 'QZNREJS', 'S0092-QZ74', '80181-6'], present: ['Data', 'doi', 'Dosing', 'mg', 'QZD', 'QZE', '10', '5'] },
    { name: 'bare e-mail addresses, like bare URLs', input: 'Contact QZ (Qing.Zhu@uni-x.edu), RB (rb_lee@med.example.org) or KL at kl+NK@lab.example.co.uk.', absent: ['Qing', 'Zhu', 'uni-x', 'rb_lee', 'med', 'kl+NK', 'NK', 'lab', 'uk'], present: ['Contact', 'QZ', 'RB', 'KL'] },
    { name: 'an at sign that is no e-mail address stays prose', input: 'Cells grew @ 37 degrees; NK@home and CD3@ low; cite @smith2020 as ever.', absent: ['smith2020'], present: ['Cells', 'NK', 'home', 'CD3'] },
    { name: 'reference links keep the text', input: 'See [NK cells][NKREF].\n\n[NKREF]: https://x.org', absent: ['NKREF'], present: ['NK'] },
    { name: "a citation group's prefix that is a short form stays prose, the citation does not", input: 'Quark Health Surveys [QZHS; @measure2012] and [QZP, @b; @c] but [see @d] and [e.g., @e].', absent: ['measure2012', 'see', 'b', 'c', 'd', 'e'], present: ['QZHS', 'QZP', 'Quark'] },
    { name: 'pandoc citations', input: 'Shown before [@liu2020; @LEE2019, p. 4] and by @WANG2019 and [-@NKX2020].', absent: ['liu2020', 'LEE2019', 'WANG2019', 'NKX2020'], present: ['Shown', 'before', 'by'] },
    { name: 'cross-references and attributes', input: 'See @fig-CAR and @tbl-NK.\n\n## Methods {#sec-GMP .unnumbered}', absent: ['fig-CAR', 'tbl-NK', 'sec-GMP', 'unnumbered'], present: ['See', 'Methods'] },
    { name: 'fenced div fences and shortcodes', input: '::: {#fig-a .column-NK}\nLegend text.\n:::\n\n{{< include _ADCC.qmd >}}\n\nEnd.', absent: ['column-NK', 'ADCC', 'include'], present: ['Legend', 'End'] },
    { name: 'math by pandoc rules', input: 'Ratio $E{:}T$ and $$\\mathrm{NK}$$ but costs $5 and $10 stay.', absent: ['E', 'mathrm', 'NK'], present: ['Ratio', 'costs', '5', '10', 'stay'] },
    { name: 'references section is not linted', input: '# Results\n\nNK here.\n\n# References\n\nSmith J. CRS paper.\n\n# Appendix\n\nICANS.', absent: ['CRS', 'Smith'], present: ['NK', 'ICANS'] },
    { name: 'a title page under its own headings is not linted', input: '# A title\n\n## **Authors and affiliations:**\n\nQuark Anna^1^\n\n^1^ Department of Quarks (DiQM), Zed.\n\n**Corresponding author**: Quark Anna, DiQM.\n\n## Introduction\n\nICANS rose.', absent: ['DiQM', 'Department'], present: ['ICANS'] },
    { name: 'a title page at the first level ends at the next heading, whatever its level', input: '# Authors and affiliations\n\nQuark A, Department of Quarks (DiQM).\n\n## Introduction\n\nQZD rose.', absent: ['DiQM'], present: ['QZD'] },
    { name: 'back matter named in other words is not linted either', input: '# Results\n\nNK here.\n\n## Corresponding authors\n\nQZA at QZB.\n\n### Authors affiliations\n\nQZC Institute.\n\n## Word count\n\nQZD 3000.\n\n# Discussion\n\nICANS.', absent: ['QZA', 'QZB', 'QZC', 'QZD'], present: ['NK', 'ICANS'] },
    { name: 'a thesis\'s lists of publications, presentations and awards quote titles: not linted', input: '# General information\n\n## Publications\n\nQRA raises QRB. *Quark J*, 2020.\n\n## Presentations\n\nQRC in quarks, a talk.\n\n## Awards and prizes\n\nQRD prize.\n\n# Introduction\n\nQRE here.', absent: ['QRA', 'QRB', 'QRC', 'QRD'], present: ['QRE'] },
    { name: 'a section named Presentations alone is prose unless a list of publications came before', input: '## Presentations\n\nQRA presents with fever.\n\n## Diagnosis\n\nQRB here.', absent: [], present: ['QRA', 'QRB'] },
    { name: 'a thesis\'s own contributions are prose; the authors\' are not', input: '## Contributions\n\nQRA here.\n\n### Chapter 3\n\nQRB here.\n\n## Authors\' contributions\n\nQRC wrote it.', absent: ['QRC'], present: ['QRA', 'QRB'] },
    { name: 'a funding statement under another name is read, for its funders; a section merely starting with such a word is prose', input: '# Funding sources\n\nQZA funded it.\n\n# Word counts of QZE texts\n\nQZF rose.', absent: [], present: ['QZA', 'QZE', 'QZF'] },
    { name: 'a raw LaTeX environment up to its closing line is not prose', input: 'Text QZA.\n\n\\begin{align*}\nT_i & = QZB \\\\\n\n\\textrm{QZG} & \\\\\n\\end{align*}\n\nAfter QZC.', absent: ['T_i', 'QZB', 'QZG', 'align'], present: ['Text', 'QZA', 'After', 'QZC'] },
    { name: 'an environment opened and closed on one line is that line; the next one is read on its own', input: '\\begin{center}\\includegraphics{a.png}\\end{center}\n\nText QRA here.\n\n# Discussion\n\nQRB here.\n\n\\begin{center}\nQRZ\n\\end{center}', absent: ['QRZ', 'includegraphics'], present: ['QRA', 'QRB', 'Discussion'] },
    { name: 'a heading or a code fence ends the search for a closing line: no code is read as prose', input: '\\begin{equation}\nx\n\n# Methods\n\nQRM here.\n\n```latex\n\\end{equation} QRX\n```\n\n## Discussion\n\nQRK here.', absent: ['QRX'], present: ['QRM', 'QRK', 'Methods'] },
    { name: 'nested environments of one name close at the outer closing line', input: '\\begin{itemize}\n\\item QRA\n\\begin{itemize}\n\\item QRB\n\\end{itemize}\nQRC\n\\end{itemize}\n\nAfter QRD.', absent: ['QRA', 'QRB', 'QRC'], present: ['QRD'] },
    { name: 'a LaTeX command alone on its line is not prose, and the paragraph under it is read on its own', input: 'Text QRA.\n\n\\blandscape\n**Table 2.** Quark counts (QRE) by QRF.\n\n\\newpage\n\nEnd.', absent: ['blandscape', 'newpage'], present: ['QRA', 'QRE', 'QRF'] },
    { name: 'a LaTeX command inside a paragraph stays in it, as pandoc keeps it inline', input: '**Figure 1.** Quark cells (QRC) were plated\n\\newline\nand QRC were stained with QRZ.', absent: [], present: ['QRC', 'QRZ'] },
    { name: 'an environment cut off by a code fence leaves its opening command apart from the caption under it', input: '\\begin{landscape}\n**Table 1.** Quark counts by QBC.\n\n```{r}\nx\n```\n\\end{landscape}\n\nMain QRD.', absent: ['landscape'], present: ['QBC', 'QRD'] },
    { name: 'a LaTeX environment never closed, or opened inside a line, stays prose', input: '\\begin{quote}\nQZD said so.\n\nWe wrote \\begin{x} QZE \\end{x} inline.', absent: [], present: ['QZD', 'QZE'] },
    { name: 'keywords paragraph', input: 'Body NK.\n\n**Keywords:** ADCC; CRS', absent: ['ADCC', 'CRS'], present: ['Body', 'NK'] },
    { name: 'a line that is one bracketed note by the authors', input: 'Viruses bind cells.\n[Summarize the QZE2 evidence here]\n\n  [Add a QZF figure later]  \n\nEnd.', absent: ['QZE2', 'Summarize', 'QZF'], present: ['Viruses', 'End'] },
    { name: 'a fill-in a draft leaves in brackets is not prose', input: 'Registered with PROSPERO ([QZR number]) and searched to [search date]; see [insert QZS reference] and [QZT ID].', absent: ['QZR', 'QZS', 'QZT', 'search'], present: ['Registered', 'PROSPERO', 'searched', 'see', 'and'] },
    { name: 'a bracket that names a number or a date but links, labels or holds a sentence stays prose', input: 'The [QZR number](https://x.org) and [QZS number][ref], ![QZT date](a.png), [QZU reference]: https://x.org and [the QZV binds to a number] stay.', absent: [], present: ['QZR', 'QZS', 'QZT', 'QZV'] },
    { name: 'brackets that are no note stay prose', input: 'The [QZE2 receptor] binds.\n[QZA]\n[See the QZB page](https://x.org)\n[QZC note here][ref]\n[Two QZD words]: https://x.org', absent: [], present: ['QZE2', 'QZA', 'QZB', 'QZC'] },
    { name: 'a camel-cased name in code before its short form keeps its letters', input: 'Read into a `QuickCellFrame` (QCF) and `scater` (SC) or `someFunction()` (SF).', absent: ['scater', 'someFunction'], present: ['QuickCellFrame', 'QCF', 'SC', 'SF'] },
    { name: 'LaTeX commands', input: 'See \\ref{fig:NK} and \\cite{GMP2020}.', absent: ['fig', 'GMP2020', 'ref'], present: ['See'] },
    { name: 'a LaTeX command written with its backslash doubled, as a string writes it', input: 'Values not marked as \\\\texttt{QNA} were kept; QRB rose.', absent: ['texttt', 'QNA'], present: ['QRB'] },
    { name: 'a bookdown reference written with its backslash doubled, as a caption string writes it', input: 'See \\\\@ref(tab:QDEG) and \\\\@ref(fig:QFACS); QRB rose.', absent: ['QDEG', 'QFACS', 'ref'], present: ['QRB'] },
    { name: 'panel letters glued to a bookdown figure or table reference', input: 'See Figure \\@ref(fig:qz)BC and \\@ref(tab:qy)b, then \\@ref(fig:qx)QZRs rose.\n', absent: ['BC', 'qz', 'qy'], present: ['See', 'Figure', 'QZRs', 'rose'] },
    { name: 'bookdown cross-references and text references', input: 'Figure \\@ref(fig:QZmorphology) shows cells.\n\n(ref:QZsignalling) Cells of QZA.\n\n```{r QZsignalling, fig.cap=\'(ref:QZsignalling)\'}\nplot(x)\n```\n', absent: ['QZmorphology', 'QZsignalling', 'ref', 'fig'], present: ['Figure', 'shows', 'Cells', 'QZA'] },
    { name: 'citation keys left without an at sign', input: 'Stenosis progresses [RN54][RN55] and [RN33; OTTOQ2021e25] and [Smithq2020].', absent: ['RN54', 'RN55', 'RN33', 'OTTOQ2021e25', 'Smithq2020'], present: ['Stenosis', 'progresses'] },
    { name: 'a bracketed abbreviation or a link label is no citation key', input: 'Natural killer [NK] and interleukin 15 [IL15] cells; see [RN54](https://x.org) and [GSE2020]: https://x.org', absent: [], present: ['NK', 'IL15', 'RN54'] },
    { name: 'an escaped at sign and a bracket opening with ref stay prose', input: 'Mail \\@ here (ref. 3) and (QZB).', absent: [], present: ['Mail', 'here', 'QZB'] },
  ];
  checkProse(cases);
});

describe('prose scanner: figure and table references are not prose', () => {
  const cases: ProseCase[] = [
    { name: 'panel after Figure', input: 'Cells grew (Figure 1A) and NK cells rose.', absent: ['Figure', '1A'], present: ['Cells', 'NK', 'cells'] },
    { name: 'panel range after Fig.', input: 'Lysis rose (Fig. 2B-D; Fig.\u00a05C–E).', absent: ['2B-D', 'Fig', '5C'], present: ['Lysis', 'rose'] },
    { name: 'list of labels after Figs.', input: 'Shown in Figs. 3A and 4C, then in Figures 2, 5B, and 6.', absent: ['3A', '4C', '5B', '6'], present: ['Shown', 'then'] },
    { name: 'supplementary labels', input: 'See Table S1, Supplementary Fig. S2B and Extended Data Fig. 5a here.', absent: ['S1', 'S2B', '5a'], present: ['Supplementary', 'Extended', 'Data', 'here'] },
    { name: 'pandoc-crossref prefixes and a supplementary-data label', input: 'Affinity fell (tbl. SD1, fig. 2B) in tbl. 3 and Tbls. 4-5; the SDQ group.', absent: ['SD1', '2B', '3', '4-5'], present: ['Affinity', 'SDQ', 'group'] },
    { name: 'ranges of supplementary tables', input: 'Data in Tables S3-S4 and Table S7–9.', absent: ['S3-S4', 'S7', '9'], present: ['Data'] },
    { name: 'capitals and lower case', input: 'As in FIG. 3B and in fig. 2C.', absent: ['FIG', '3B', 'fig', '2C'], present: ['As', 'in'] },
    { name: 'panels after a cross-reference', input: 'Fits ([@fig-fits]C-D) and ([@Fig:dose]B–E) held.', absent: ['C-D', 'B', 'E'], present: ['Fits', 'held'] },
    { name: 'panel ranges labelling a legend', input: 'A-B) Fits of IL-2 (C–E) and doses (a–c).', absent: ['A-B', 'C', 'E', 'a', 'c'], present: ['Fits', 'IL-2', 'doses'] },
    { name: 'a bare panel letter that starts a word stays', input: 'Shown in Figure 1 and B cells.', absent: ['1'], present: ['B', 'cells'] },
    { name: 'several panel letters after the first label', input: 'Seen in (Supplementary Figure S7BC) and Fig. 4bcd, then Figure 2 and 3AB cells.', absent: ['S7BC', '4bcd'], present: ['Seen', 'then', '3AB', 'cells'] },
    { name: 'a label never eats a word after a hyphen', input: 'Compare Table 2 and 4-1BB signalling.', absent: ['2'], present: ['4-1BB', 'signalling'] },
    { name: 'a figure word without a label stays', input: '## FIG and the Figure\n\nThe FIG gene; a table of NK cells.', absent: [], present: ['FIG', 'Figure', 'table', 'NK'] },
    { name: 'a wide letter range in brackets stays', input: 'Ataxia telangiectasia (A-T) and A-T cells.', absent: [], present: ['A-T'] },
    { name: 'words ending in table or fig are not references', input: 'A stable 2 and suitable 3 sprig 4.', absent: [], present: ['stable', '2', 'suitable', '3', 'sprig', '4'] },
    { name: 'panels after a Manubot cross-reference in braces', input: 'Checks ran (**Figure {@fig:Fig1}C-D**) and (Figure {@fig:S2}A-G) and Table {@tbl:t}b–c held.', absent: ['C-D', 'A-G', 'b', 'c', 'fig', 'Fig1'], present: ['Checks', 'ran', 'Figure', 'held'] },
    { name: 'panels written apart from the figure number', input: 'Killing rose (Fig. 2 B-G shows it; Figure 3 a–c too).', absent: ['B-G', 'a', 'c', '2'], present: ['Killing', 'shows', 'it', 'too'] },
    { name: 'a word after a figure number stays', input: 'As Figure 2 B-ALL cells and Fig. 3 T-NHL showed.', absent: ['2', '3'], present: ['B-ALL', 'T-NHL', 'cells', 'showed'] },
    { name: 'a range named as panels', input: 'Panels B-D show NK cells; see panels (D\u2013I) and panel E-F.', absent: ['B-D', 'D', 'I', 'E-F'], present: ['Panels', 'show', 'NK', 'panels', 'panel'] },
    { name: 'a letter pair without the word panels stays', input: 'The B-C axis and sample C-D here; panels of T-B cells and panels A-T.', absent: [], present: ['B-C', 'C-D', 'T-B', 'A-T'] },
    { name: 'a panel range labelling its paragraph', input: 'Text.\n\n**D-F.** Scores of XQ models.\n\nG\u2013H: direct comparisons.\n\n*B-C)* Fits.', absent: ['D-F', 'G', 'H', 'B-C'], present: ['Scores', 'XQ', 'direct', 'Fits'] },
    { name: 'panel ranges labelling the lines of one legend paragraph', input: '**A.** Counts of cells.\n**D-F.** Scores of XQ models.\n**G-H.** Comparisons.', absent: ['D-F', 'G-H'], present: ['Counts', 'Scores', 'XQ', 'Comparisons'] },
    { name: 'panels listed with slashes', input: 'Fits ([@Fig:dose]A/G/I), (Fig. {@fig:x}B/C), (Figure 1A/B), (Fig. 2 B/C) and Figure 3B/D/F, held.', absent: ['A', 'G', 'I', 'B', 'C', 'D', 'F'], present: ['Fits', 'held'] },
    { name: 'joined capitals after a figure list stay', input: 'As Table 2 and N/A values showed.', absent: ['2'], present: ['N', 'A', 'values'] },
    { name: 'a letter pair inside a line stays', input: 'Counts rose.\nThe B-C. pairs and more B-C: here.', absent: [], present: ['B-C'] },
    { name: 'a letter pair opening a paragraph as a word stays', input: 'B-C pairs bound.\n\nA-T cells: fewer.', absent: [], present: ['B-C', 'A-T'] },
  ];
  checkProse(cases);
});

describe('prose scanner: markup around prose', () => {
  const cases: ProseCase[] = [
    { name: 'template values', input: 'We counted {{death_count}} deaths in {{ trial_total }} trials.', absent: ['death_count', 'trial_total', 'death', 'trial'], present: ['We', 'counted', 'deaths', 'trials'] },
    { name: 'a Jinja statement makes its block template logic', input: 'Text {% if author.orcid %}ORCID label{% endif %} here.', absent: ['Text', 'author.orcid', 'ORCID', 'label', 'here'], present: [] },
    { name: 'Jinja comments', input: 'Text {# a NOTE on GMP #} and {## the DOI\nline ##} more; figure {#fig:x} stays.', absent: ['NOTE', 'GMP', 'DOI'], present: ['Text', 'more', 'figure'] },
    { name: 'Quarto shortcodes stay masked as before', input: '{{< include _GMP.qmd >}}\n\nText {{< var CRS >}} here.', absent: ['GMP', 'CRS', 'include', 'var'], present: ['Text', 'here'] },
    { name: 'a quotation right before a citation', input: 'As reported in "Natural killer (NK) cells in solid tumours" [@lee2020], CAR cells.', absent: ['Natural', 'NK', 'tumours'], present: ['As', 'reported', 'CAR'] },
    { name: 'a quotation right after a citation', input: 'Lee [@lee2020], \u201cKilling by NK cells in vitro and in vivo\u201d, was cited.', absent: ['Killing', 'NK', 'vivo'], present: ['Lee', 'was', 'cited'] },
    { name: 'a quotation before a numbered citation', input: 'In "Natural killer (NK) cells in cancer" [12] the GMP rules.', absent: ['NK', 'cancer'], present: ['In', 'GMP'] },
    { name: 'a scare-quoted term before a citation stays', input: 'So-called "memory-like NK" cells [@lee2020].', absent: [], present: ['memory-like', 'NK', 'cells'] },
    { name: 'a quotation without a citation stays', input: 'She wrote "Natural killer (NK) cells in cancer" in 2020.', absent: [], present: ['Natural', 'NK', 'cancer'] },
    { name: 'a quotation before a cross-reference stays', input: 'The "natural killer cells in all arms" [@fig-arms] panel.', absent: [], present: ['natural', 'killer', 'arms'] },
    { name: "a paper's title as a link to its address is the cited work's", input: 'Read [T Cells and QHC Proteins](https://www.ncbi.nlm.nih.gov/books/NBK26926/) and [Immune response in silico (QRIS): genes](https://pubmed.ncbi.nlm.nih.gov/15789058/) or [A QKD study of NK cells](https://doi.org/10.1/x).', absent: ['QHC', 'QRIS', 'QKD', 'Proteins'], present: ['Read', 'and', 'or'] },
    { name: "a deposited dataset's DOI keeps its link text", input: 'Data are at [Single-cell profiles of QB-NK cells](https://doi.org/10.5281/zenodo.7654321).', absent: [], present: ['QB-NK', 'profiles'] },
    { name: 'other links keep their text', input: 'See [the QHC proteins page](https://www.ncbi.nlm.nih.gov/books/NBK26926/), [Natural killer QKD cells](https://example.org/nk) and [QRIS](https://doi.org/10.1/x).', absent: [], present: ['QHC', 'QKD', 'QRIS'] },
  ];
  checkProse(cases);

  /** The masked text of `input`, emphasis delimiters shown as `·`. */
  const maskedEmphasis = (input: string) => {
    const map = scanProse(input, 'markdown');
    assert.equal(map.masked.length, input.length);
    let shown = '';
    for (let k = 0; k < input.length; k++) shown += map.masked[k] === ' ' && (input[k] === '*' || input[k] === '_') ? '·' : map.masked[k];
    return shown;
  };
  const emphasis: [string, string][] = [
    ['**snRNA-seq** and _NK_ and *CAR*-NK.', '··snRNA-seq·· and ·NK· and ·CAR·-NK.'],
    ['_Severe acute respiratory syndrome-related coronavirus_ 2 (SARS-CoV-2)', '·Severe acute respiratory syndrome-related coronavirus· 2 (SARS-CoV-2)'],
    ['Tumour **necrosis factor (TNF)** rose.', 'Tumour ··necrosis factor (TNF)·· rose.'],
    ['HLA-A*02:01 and HLA-B*07 donors', 'HLA-A*02:01 and HLA-B*07 donors'],
    ['snake_case_name and 2 * 3 stay', 'snake_case_name and 2 * 3 stay'],
    // Strong emphasis closed right before a word is markup; `**` between digits is a power.
    ['**Slide Imaging**Quartz zone ratio (QZR) and 2**10 stay', '··Slide Imaging··Quartz zone ratio (QZR) and 2**10 stay'],
    ['Escaped \\*NK\\* stays.', 'Escaped \\*NK\\* stays.'],
  ];
  for (const [input, expected] of emphasis) test(`emphasis delimiters: ${input}`, () => assert.equal(maskedEmphasis(input), expected));

  // A link's text is prose, its brackets no bracketed remark (hammerlab/t-cell-data: `GSE2770 from [GEO](…)` read as a definition).
  test("a link's brackets are masked with its target; its text and an image's caption brackets stay", () => {
    const masked = (input: string) => scanProse(input, 'markdown').masked;
    const blanked = (input: string) => input.replace(/\[|\]\([^)]*\)|\]\[[^\]]*\]/gu, (markup) => ' '.repeat(markup.length));
    for (const input of ['Data for QSE27 from [QEO](https://x.org/q) here.', 'See [the QEO site][qeo] now.', 'A [natural killer (NK)](https://x.org) cell.']) {
      assert.equal(masked(input), blanked(input));
    }
    assert.match(masked('![QEO map (QM)](m.png)'), /\[QEO map \(QM\)\]/u);
  });
  test('a use on the title page is no first use: the main text defines it in time', () => {
    const text = '# A study\n\n**Notes for feedback**\n\n- talk about the QAUC only\n\n# Abstract\n\nWe did it.\n\n# Introduction\n\nThe quark area under the curve (QAUC) rose; QAUC fell.\n';
    const codes = (input: string) => createTerminologyService().lint({ uri: 'title-page.md', version: 1, text: input }).map((d) => d.code);
    assert.deepEqual(codes(text), []);
    // Without an abstract after them, the notes are main text, and their use comes before the definition.
    assert.deepEqual(codes(text.replace('# Abstract\n\nWe did it.\n\n', '')), ['used-before-definition']);
  });
  test('no definition is read from a link after words', () => {
    // Read as a definition, `QEO` would be one never used again.
    const text = '# M\n\nWe download QSE2770 from [QEO](https://x.org/q).\n';
    assert.deepEqual(createTerminologyService().lint({ uri: 'link.md', version: 1, text }).map((d) => d.code), []);
  });
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
    { name: 'a bookdown text reference given as a short caption is read like a title', input: '```{r f1, fig.cap="(ref:cap-f1)", fig.scap="(ref:scap-f1)"}\nplot(1)\n```\n\n(ref:cap-f1) Quark zone index (QZI) by group.\n\n(ref:scap-f1) QZI by QZB group.', word: 'QZB', region: 'title' },
    { name: 'a chunk\'s numbered legend sharing its label with a short caption stays a legend', input: '```{r tsne, fig.scap="(ref:tsne)"}\nplot(1)\n```\n\n__Figure \\@ref(fig:tsne).__ Quark cells by QZB cluster.', word: 'QZB', region: 'legend:tsne' },
    { name: 'a text given as the full caption too stays a legend', input: '```{r f1, fig.cap="(ref:f1)", fig.scap="(ref:f1)"}\nplot(1)\n```\n\n(ref:f1) Quark cells by QZB cluster.', word: 'QZB', region: 'legend:f1' },
    { name: 'the full caption of the same chunk stays its legend', input: '```{r f1, fig.cap="(ref:cap-f1)", fig.scap="(ref:scap-f1)"}\nplot(1)\n```\n\n(ref:cap-f1) Quark zone index (QZI) by QZB.\n\n(ref:scap-f1) QZI by group.', word: 'QZB', region: 'legend:cap-f1' },
    { name: 'front matter abstract', input: '---\nabstract: >\n  Short ADCC text.\n---\n\nBody.', word: 'ADCC', region: 'abstract' },
    { name: 'abstract section by heading', input: '# Abstract\n\nShort ADCC text.\n\n# Introduction\n\nBody CRS.', word: 'ADCC', region: 'abstract' },
    { name: 'after the abstract section', input: '# Abstract\n\nShort ADCC text.\n\n# Introduction\n\nBody CRS.', word: 'CRS', region: 'main' },
    { name: 'the title page before the abstract (byline, funding, notes)', input: '# A QKD study\n\n**Authors**\n\n- QZB: funded by NIH\n\n**Notes**\n\n- talk about QAUC only\n\n# Abstract\n\nShort ADCC text.\n\n# Introduction\n\nBody CRS.', word: 'QAUC', region: 'title' },
    { name: 'a section before the abstract keeps the main text', input: '# A QKD study\n\n# Background\n\nWe used QAUC.\n\n# Abstract\n\nShort ADCC text.', word: 'QAUC', region: 'main' },
    { name: 'a bold abstract heading ends the title page', input: 'Authors: QZB.\n\n**Abstract**\n\nShort ADCC text.\n\nBody CRS.', word: 'QZB', region: 'title' },
    { name: 'printed key points on the title page stay main text', input: '# A study\n\nQ. Author\n\n**Key Points**\n\n- QKIR-mismatched cells cleared disease.\n\n## Abstract\n\nShort ADCC text.', word: 'QKIR', region: 'main' },
    { name: "a summary for readers announced on the title page stays main text", input: '# A study\n\n**Funding**: QZB.\n\n**Summary**:\n\nWe found QVE rose.\n\n# Abstract\n\nShort ADCC text.', word: 'QVE', region: 'main' },
    { name: 'leading H1 is the title', input: '# CAR-NK therapy\n\nBody.', word: 'CAR-NK', region: 'title' },
    { name: 'leading Introduction is not a title', input: '# Introduction\n\nBody NK.', word: 'Introduction', region: 'main' },
    { name: 'Quarto figure div', input: '::: {#fig-killing}\n![x](a.png)\n\nKilling by NK cells.\n:::\n\nMain NK.', word: 'Killing', region: 'legend:fig-killing' },
    { name: 'legend paragraph', input: 'Main.\n\n**Figure 2.** CAR constructs used.', word: 'CAR', region: 'legend:Figure 2' },
    { name: 'a bookdown text reference opening a paragraph is the legend it names', input: 'Main.\n\n(ref:qzKilling) Killing by NK cells.\n\nMore.', word: 'Killing', region: 'legend:qzKilling' },
    { name: "bookdown's numbered legend title is the legend of its chunk", input: '# Figures\n\n```{r fig-qz, fig.cap = \'Killing by NK.\'}\nplot(x)\n```\n\n__Figure \\@ref(fig:fig-qz). Killing by NK cells.__\n\n_Counts of GMP lots._', word: 'GMP', region: 'legend:fig-qz' },
    { name: "bookdown's supplementary legend title (`S\\@ref`) is the legend of its chunk", input: '# Supplement\n\n__Supplementary Figure S\\@ref(fig:fig-qz). Killing by NK cells.__\n_Counts of GMP lots._', word: 'GMP', region: 'legend:fig-qz' },
    { name: 'a sentence opening with a bookdown cross-reference stays main text', input: 'Main.\n\nFigure \\@ref(fig:fig-qz) shows GMP lots.', word: 'GMP', region: 'main' },
    { name: 'legends after the references end the unlinted section', input: 'Main.\n\n## References\n\nSmith J. CRS paper.\n\n**Figure 1: Killing by ADCC.** Panels A-B.\n\nNotes on GMP lots.', word: 'GMP', region: 'legend:Figure 1' },
    { name: 'the references before such legends stay unlinted', input: 'Main.\n\n## References\n\nSmith J. CRS paper.\n\n**Figure 1: Killing by ADCC.** Panels A-B.', word: 'CRS', region: 'none' },
    { name: 'table legend paragraph', input: 'Main.\n\nTable 3: NK sources.', word: 'NK', region: 'legend:Table 3' },
    { name: 'image caption with id', input: 'Main.\n\n![Killing by NK cells](k.png){#fig-k}\n\nMore.', word: 'Killing', region: 'legend:fig-k' },
    { name: 'pipe table caption claims its table', input: '| NK | CAR |\n|---|---|\n| a | b |\n\nTable: Sources of cells {#tbl-src}', word: 'NK', region: 'legend:tbl-src' },
    { name: 'a caption right under the table, its id on the next line, claims the table', input: '| NK | CAR |\n|---|---|\n| a | b |\nTable: Sources of GMP cells.\n{#tbl:src}\n\nMore CRS.', word: 'NK', region: 'legend:tbl:src' },
    { name: 'that caption is its legend', input: '| NK | CAR |\n|---|---|\n| a | b |\nTable: Sources of GMP cells.\n{#tbl:src}\n\nMore CRS.', word: 'GMP', region: 'legend:tbl:src' },
    { name: '`Table:` alone on its line opens a caption whose text follows on the lines under it', input: '| NK | CAR |\n|---|---|\n| a | QKC |\nTable:\nSources of cells (QKC = Quark Kennel Club).\n{#tbl:src}\n\nMore CRS.', word: 'QKC', region: 'legend:tbl:src' },
    { name: '`Table:` alone with nothing under it is no caption: the table after it keeps its place', input: 'See the table below.\n\nTable:\n\n| NK | CAR |\n|---|---|\n| a | b |\n', word: 'NK', region: 'main' },
    { name: 'the caption of a raw LaTeX table is its legend, labelled by its \\label', input: 'Text.\n\n\\begin{table}\n\\caption{\\label{tab:poll}Estimates of ADCC by model.}\n\\begin{tabular}{lr}\nCRS & 1\\\\\n\\end{tabular}\n\\end{table}\n\nMore GMP.', word: 'ADCC', region: 'legend:tab:poll' },
    { name: 'the rest of a raw LaTeX table is not prose, and the text after it is main text', input: 'Text.\n\n\\begin{table}\n\\caption{\\label{tab:poll}Estimates of ADCC by model.}\n\\begin{tabular}{lr}\nCRS & 1\\\\\n\\end{tabular}\n\\end{table}\n\nMore GMP.', word: 'GMP', region: 'main' },
    { name: 'after that caption, main text', input: '| NK | CAR |\n|---|---|\n| a | b |\nTable: Sources of GMP cells.\n{#tbl:src}\n\nMore CRS.', word: 'CRS', region: 'main' },
    { name: 'a row without pipes that is no caption stays a row of the main text', input: '| NK | CAR |\n|---|---|\n| a | b |\nGMP lots\n\nMore CRS.', word: 'GMP', region: 'main' },
    { name: 'a table legend paragraph right above a table claims it', input: 'Main.\n\n**Table 2.** Sources of cells.\n\n| NK | CAR |\n|---|---|\n| a | b |\n\nMore.', word: 'CAR', region: 'legend:Table 2' },
    { name: 'a figure legend paragraph above a table does not claim it', input: 'Main.\n\n**Figure 2.** Killing.\n\n| NK | CAR |\n|---|---|\n| a | b |', word: 'CAR', region: 'main' },
    { name: 'a table legend paragraph with text between does not claim the table', input: '**Table 2.** Sources.\n\nSome text.\n\n| NK | CAR |\n|---|---|\n| a | b |', word: 'CAR', region: 'main' },
    { name: 'abstract ends at a thematic break', input: '## Abstract\n\nShort ADCC text.\n\n---\n\nBody CRS.', word: 'CRS', region: 'main' },
    { name: 'abstract ends at a star or underscore break', input: '## Abstract\n\nShort ADCC text.\n\n***\n\nBody CRS.\n\n## Abstract\n\nMore GMP.\n\n____\n\nLast ICANS.', word: 'ICANS', region: 'main' },
    { name: 'text before the break is the abstract', input: '## Abstract\n\nShort ADCC text.\n\n---\n\nBody CRS.', word: 'ADCC', region: 'abstract' },
    { name: 'a setext heading is not a break', input: '## Abstract\n\nShort ADCC text.\nPart\n---\n\nBody CRS.', word: 'CRS', region: 'main' },
    { name: 'abstract ends at a deeper heading', input: '# Abstract\n\nShort ADCC text.\n\n## Introduction\n\nBody CRS.', word: 'CRS', region: 'main' },
    { name: 'structured abstract parts under the abstract heading', input: '# Abstract\n\n## Background\n\nShort ADCC.\n\n## Findings\n\nMore GMP.\n\n# Introduction\n\nBody CRS.', word: 'GMP', region: 'abstract' },
    { name: 'main text after a structured abstract', input: '# Abstract\n\n## Background\n\nShort ADCC.\n\n## Findings\n\nMore GMP.\n\n# Introduction\n\nBody CRS.', word: 'CRS', region: 'main' },
    // Bioinformatics' parts, under a chapter's own abstract heading after the main text began (a dissertation's second paper).
    { name: 'an Oxford structured abstract\'s closing parts', input: '# Chapter 1\n\nBody CRS.\n\n### Abstract\n\n#### Motivation\n\nShort ADCC.\n\n#### Contact\n\nWrite to the QZB desk.\n\n#### Supplementary information\n\nMore GMP.\n\n### Introduction\n\nBody CRS.', word: 'GMP', region: 'abstract' },
    { name: 'an Oxford structured abstract of a later chapter', input: '# Chapter 1\n\nBody CRS.\n\n### Abstract\n\n#### Motivation\n\nShort ADCC.\n\n#### Availability and implementation\n\nMore GMP.\n\n### Introduction\n\nBody CRS.', word: 'GMP', region: 'abstract' },
    { name: 'a Methods heading after abstract text is main text', input: '# Abstract\n\nShort ADCC.\n\n## Methods\n\nBody CRS.', word: 'CRS', region: 'main' },
    { name: 'a leading Summary is the abstract', input: '# CAR-NK therapy\n\nA. Author, B. Author\n\n## Summary\n\nShort ADCC text.\n\n## Introduction\n\nBody CRS.', word: 'ADCC', region: 'abstract' },
    { name: 'the main text after a leading Summary', input: '# CAR-NK therapy\n\n## Summary\n\nShort ADCC text.\n\n## Introduction\n\nBody CRS.', word: 'CRS', region: 'main' },
    { name: "a report's leading Executive summary or Analysis summary is the abstract", input: '# Quiet zones\n\n## Executive summary\n\nShort ADCC text.\n\n## Methods\n\nBody CRS.', word: 'ADCC', region: 'abstract' },
    { name: 'an Analysis summary before the methods is the abstract', input: '# Analysis summary\n\n- Short ADCC text.\n\n# Methods\n\nBody CRS.', word: 'ADCC', region: 'abstract' },
    { name: 'an Analysis summary after the main text is main text', input: '# Methods\n\nBody CRS.\n\n# Analysis summary\n\nClosing ADCC text.', word: 'ADCC', region: 'main' },
    { name: 'a closing Summary is main text', input: '# CAR-NK therapy\n\n## Introduction\n\nBody CRS.\n\n## Summary\n\nClosing ADCC text.', word: 'ADCC', region: 'main' },
    { name: 'a Summary after keywords is still leading', input: '## Keywords\n\nNK; CAR\n\n## Summary\n\nShort ADCC text.', word: 'ADCC', region: 'abstract' },
    { name: 'an Author summary after a list of abbreviations is still leading', input: '## Abbreviations\n\nNK, natural killer.\n\n## Author summary\n\nShort ADCC text.\n\n## Introduction\n\nBody CRS.', word: 'ADCC', region: 'abstract' },
    { name: 'multi-line image caption with the opening alone on its line', input: 'Main.\n\n![\n**Killing by NK cells.**\nMore ADCC text [@lee2020].\n](kill.png "Killing"){#fig:kill secno=1}\n\nMore CRS.', word: 'ADCC', region: 'legend:fig:kill' },
    { name: 'after a multi-line caption', input: 'Main.\n\n![\nKilling by NK cells.\n](kill.png){#fig:kill}\n\nMore CRS.', word: 'CRS', region: 'main' },
    { name: 'multi-line caption without an id is labelled by its image', input: 'Main.\n\n![Killing by NK\ncells and ADCC](img/kill.png)\n\nMore.', word: 'ADCC', region: 'legend:img/kill.png' },
    { name: 'a box, from its heading to the next heading of its level', input: '## Intro\n\nMain NK.\n\n## Box 1: Uses of ADCC\n\n### (a) Patients\n\nThe ADCC assay.\n\n## Methods\n\nMore CRS.', word: 'assay', region: 'legend:Box 1' },
    { name: 'a box\'s own heading is the box', input: '## Intro\n\nMain NK.\n\n## **Box 2.** Uses of ADCC\n\nText.', word: 'Uses', region: 'legend:Box 2' },
    { name: 'after the box, main text again', input: '## Box 1: Uses\n\nThe ADCC assay.\n\n## Methods\n\nMore CRS.', word: 'CRS', region: 'main' },
    { name: 'a heading that names a box in its words is no box', input: '## The boxes of CRS\n\nMore ADCC.', word: 'ADCC', region: 'main' },
    { name: 'a caption paragraph under a figure whose caption is empty', input: 'Main.\n\n![](k.png){#fig:k width=80%}\n\nCaption Figure: **Killing by NK cells.** **A.** ADCC assay.\n\nMore CRS.', word: 'ADCC', region: 'legend:fig:k' },
    { name: 'a Figure: paragraph under a figure whose caption is empty', input: 'Main.\n\n![](k.png)\n\n**Figure:** ADCC assay.\n\nMore CRS.', word: 'ADCC', region: 'legend:k.png' },
    { name: 'the paragraph after that caption is main text again', input: 'Main.\n\n![](k.png){#fig:k}\n\nCaption: killing.\n\nMore CRS.', word: 'CRS', region: 'main' },
    { name: 'a paragraph under a captioned figure is main text, whatever it opens with', input: 'Main.\n\n![Killing](k.png){#fig:k}\n\nCaption ADCC text.', word: 'ADCC', region: 'main' },
    { name: 'a paragraph under a captionless figure that is no caption is main text', input: 'Main.\n\n![](k.png){#fig:k}\n\nThe ADCC assay.', word: 'ADCC', region: 'main' },
    { name: 'a caption paragraph in lower case after its word', input: 'Main.\n\n![](k.png){#fig:k}\n\nCaption figure:\n**A** ADCC assay.\n\nMore CRS.', word: 'ADCC', region: 'legend:fig:k' },
    { name: 'a paragraph opening with the word legend is no caption', input: 'Main.\n\n![](k.png){#fig:k}\n\nLegend has it that ADCC was first.', word: 'ADCC', region: 'main' },
    { name: 'a box inside a div ends with the div', input: '::: {.callout-note}\n## Box 1: Uses\n\nThe box text.\n:::\n\nAfter the box, ADCC again.', word: 'ADCC', region: 'main' },
    { name: 'a caption holding links and brackets', input: '![Killing [see @lee2020] and [a link](x.html) by ADCC](k.png){#fig-k}', word: 'ADCC', region: 'legend:fig-k' },
    { name: 'an image followed by text is not a caption', input: 'Main.\n\n![Killing ADCC](k.png) and more\ntext here.\n\nMore.', word: 'ADCC', region: 'main' },
    // A section of legends (`Figure legends`, `Figure Titles and Legends`): the paragraphs after a
    // figure's image or a `Table 1.` paragraph are that legend's, up to the next one or a heading.
    { name: 'a panel paragraph after an image in a legends section', input: '## Figure Titles and Legends\n\n![**Killing.**](k.png){#fig:k}\n\nA. Lysis by NK cells.\n\nB. Release of CRS markers.', word: 'CRS', region: 'legend:fig:k' },
    { name: 'the next image opens the next legend', input: '## Figure legends\n\n![One.](a.png){#fig:a}\n\nA. NK cells.\n\n<!-- Figure 2 -->\n![Two.](b.png){#fig:b}\n\nA. CRS grades.', word: 'CRS', region: 'legend:fig:b' },
    { name: 'the paragraphs after a table legend paragraph', input: '## Supplementary Figures and Tables {.page_break_before}\n\n**Table S1. Datasets.**\nProjects in the portal.\n\n`id`: the GMP identifier.', word: 'GMP', region: 'legend:Table S1' },
    { name: 'a heading naming a figure opens its legend', input: '# Figure legends\n\n## Figure 2: Killing\n\nLysis by NK cells and ADCC.', word: 'ADCC', region: 'legend:Figure 2' },
    { name: 'in a legends section a label needs no stop after it', input: '# Figure legends\n\nFigure 1 (A) and (B) are OCR profiles.\n\nFigure 2 Lysis by NK cells and ADCC.', word: 'ADCC', region: 'legend:Figure 2' },
    { name: 'its next paragraph belongs to that legend', input: '# Figure legends\n\nFigure 2 Lysis by NK cells.\n\nPanels show ADCC.', word: 'ADCC', region: 'legend:Figure 2' },
    { name: 'outside a legends section such a paragraph stays main', input: '# Results\n\nFigure 2 shows lysis by NK cells and ADCC.', word: 'ADCC', region: 'main' },
    { name: 'a figure heading without a number, named by its id', input: '## Figures\n\n### Figure: {#FigureQ}\n![](q.pdf){width=100%}\nCaption: *Lysis by NK cells and ADCC.*', word: 'ADCC', region: 'legend:FigureQ' },
    { name: 'a figure heading without a number or id opens no legend', input: '## Figures\n\n### Figure\n\nLysis by NK cells and ADCC.', word: 'ADCC', region: 'main' },
    { name: 'a table of abbreviations in a legends section is no legend', input: '# Figures and Tables\n\n### Table of abbreviations\n\nNK cells and ADCC.', word: 'ADCC', region: 'main' },
    { name: 'a heading of figures inside the section opens no legend', input: '## Figures\n\n### Figures in colour\n\nAll use GMP data.', word: 'GMP', region: 'main' },
    { name: 'text before the first legend of the section stays main', input: '## Figure legends\n\nAll figures use GMP data.\n\n![One.](a.png){#fig:a}', word: 'GMP', region: 'main' },
    { name: 'a legend ends at the next heading', input: '## Figure legends\n\n![One.](a.png){#fig:a}\n\nA. NK cells.\n\n## Methods\n\nBody CRS.', word: 'CRS', region: 'main' },
    { name: 'a legend ends at a thematic break', input: '## Figure legends\n\n![One.](a.png){#fig:a}\n\nA. NK cells.\n\n---\n\nBody CRS.', word: 'CRS', region: 'main' },
    { name: 'a paragraph after an image in the main text stays main', input: '## Results\n\n![One.](a.png){#fig:a}\n\nA. NK cells rose with CRS.', word: 'CRS', region: 'main' },
    { name: 'an abstract headed by a bold paragraph', input: '**Abstract**\n\n**Methods**: We used ADCC.\n\n# Introduction\n\nBody CRS.', word: 'ADCC', region: 'abstract' },
    { name: 'the text after an abstract headed in bold', input: '**Abstract**\n\nWe used ADCC.\n\n# Introduction\n\nBody CRS.', word: 'CRS', region: 'main' },
    { name: 'a bold word opening a paragraph is no heading', input: '**Abstract** ideas on ADCC.\n\nMore CRS.', word: 'CRS', region: 'main' },
    // Highlights stand apart from the paper, like its title.
    { name: 'summary points are read like the title', input: '# Summary points\n\n- Lysis by ADCC rose.\n\n# Introduction\n\nBody CRS.', word: 'ADCC', region: 'title' },
    { name: 'highlights end at the next heading', input: '## Highlights\n\n- Lysis by ADCC rose.\n\n## Introduction\n\nBody CRS.', word: 'CRS', region: 'main' },
    { name: 'highlights end at a thematic break', input: '## Key points\n\n- Lysis by ADCC rose.\n\n---\n\nBody CRS.', word: 'CRS', region: 'main' },
    { name: 'a section only partly about figures is not a legends section', input: '## Results and figures\n\n![One.](a.png){#fig:a}\n\nNK cells rose with CRS.', word: 'CRS', region: 'main' },
    // A figure or table caption written as a code cell's option is that figure's legend.
    { name: 'a Quarto cell caption is the legend of its label', input: 'Main NK.\n\n```{r}\n#| label: fig-kill\n#| fig-cap: "Lysis by CAR-NK cells and ADCC."\nplot(x)\n```\n', word: 'ADCC', region: 'legend:fig-kill' },
    { name: 'a single-quoted table caption', input: '```{python}\n#| label: tbl-doses\n#| tbl-cap: \'Doses of IL-15 given.\'\nshow(t)\n```\n', word: 'IL-15', region: 'legend:tbl-doses' },
    { name: 'a caption written as a block scalar, on several lines', input: '```{r}\n#| fig-cap: |\n#|   Lysis by CAR-NK cells\n#|   and ADCC over time.\n#| label: fig-lysis\nplot(x)\n```\n', word: 'ADCC', region: 'legend:fig-lysis' },
    { name: 'each sub-caption of a list', input: '```{r}\n#| label: fig-pair\n#| fig-subcap:\n#|   - "CRS grades"\n#|   - ICANS grades\nplot(x)\n```\n', word: 'ICANS', region: 'legend:fig-pair' },
    { name: 'a flow list of sub-captions', input: '```{r}\n#| label: fig-pair\n#| fig-subcap: ["CRS grades", "ICANS grades"]\nplot(x)\n```\n', word: 'CRS', region: 'legend:fig-pair' },
    { name: "a knitr chunk header's fig.cap, labelled by the chunk name", input: '```{r lysis, echo=FALSE, fig.cap="Lysis by ADCC."}\nplot(x)\n```\n', word: 'ADCC', region: 'legend:lysis' },
    { name: 'an unnamed chunk is labelled by its line', input: 'Main.\n\n```{r, fig.cap = \'Lysis by ADCC.\'}\nplot(x)\n```\n', word: 'ADCC', region: 'legend:code cell at line 3' },
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
    '*'.repeat(3000) + ' NK ' + '_'.repeat(3000),
    '\u201c'.repeat(5000) + ' [@a]',
    '"'.repeat(3001) + ' [@a] "x y z w',
    'Figure 1, '.repeat(2000) + '4-1BB',
    'Figs. ' + '1A and B, '.repeat(2000) + 'B cells',
    '{{'.repeat(3000) + '}}',
    '[@fig-a]' + 'A-B,'.repeat(2000),
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

describe('prose scanner: what the rules see of notes and names in code', () => {
  test('an abbreviation in a bracketed note is no use; in prose it is', () => {
    assert.deepEqual(undefinedKeys('Viruses bind cells.\n[Summarize the QZE2 evidence here]\n\nThe QZE2 protein binds.\n'), ['QZE2']);
  });
  test('a camel-cased name in code font defines the short form after it', () => {
    assert.deepEqual(undefinedKeys('Counts went into a `QuickCellFrame` (QCF) object. Each QCF holds one sample.\n'), []);
    assert.deepEqual(undefinedKeys('Counts went into a `quickFrame` (QCF) object. Each QCF holds one sample.\n'), ['QCF']);
  });
});

describe('prose scanner: a Greek letter written in math inside a word', () => {
  test('is masked as the letter, with fill that holds the word together; alone it stays math', () => {
    const text = 'Signals through QF-$\\kappa$B, IL-1$\\beta$ and $\\beta$-quarkase; the $\\beta$ chain and $\\alpha\\beta$ cells.\n';
    const { masked } = scanProse(text, 'markdown');
    assert.equal(masked.length, text.length);
    const tokens = tokenize(masked);
    const words = Array.from({ length: tokens.count }, (_, k) => withoutGlyphFill(masked.slice(tokens.starts[k], tokens.ends[k])));
    assert.deepEqual(words, ['Signals', 'through', 'QF', 'κB', 'IL', '1β', 'and', 'β', 'quarkase', 'the', 'chain', 'and', 'cells']);
    // The fill sits inside the words only, where the math was.
    assert.equal(masked.indexOf('\u034f'), text.indexOf('$\\kappa$') + 1);
  });
  test('two or three letters in a row glued to a word are masked as those letters', () => {
    const text = 'We gated $\\gamma\\delta$T cells and $\\alpha\\beta$-quark cells; the $\\gamma\\delta$ pair stays math.\n';
    const { masked } = scanProse(text, 'markdown');
    assert.equal(masked.length, text.length);
    const tokens = tokenize(masked);
    const words = Array.from({ length: tokens.count }, (_, k) => withoutGlyphFill(masked.slice(tokens.starts[k], tokens.ends[k])));
    assert.deepEqual(words, ['We', 'gated', 'γδT', 'cells', 'and', 'αβ', 'quark', 'cells', 'the', 'pair', 'stays', 'math']);
    assert.deepEqual(undefinedKeys('We gated\n$\\gamma\\delta$T cells (gdT), and gdT grew.\n'), []);
  });
  test('an edit elsewhere in the paragraph keeps the letter (the rescan path)', () => {
    const service = createTerminologyService();
    const before = 'Quark factor kappa B (QF-$\\kappa$B) binds.\n\nLater QF-$\\kappa$B rose.\n';
    service.lint({ uri: 'r.md', version: 1, text: before });
    const after = before.replace('Later', 'Later on');
    assert.deepEqual(service.lint({ uri: 'r.md', version: 2, text: after }).map((d) => d.code), []);
  });
});

describe('prose scanner: HTML character references and full-width brackets', () => {
  test('a reference is markup: quotes and spaces leave the words alone, a letter shows as the letter', () => {
    const text = 'A &quot;gain-of-quark&quot; (GOQ) effect;&nbsp;QL-1&beta; and QNF-&#945; rose, R&amp;D and R&D too.\n';
    const { masked } = scanProse(text, 'markdown');
    assert.equal(masked.length, text.length);
    const tokens = tokenize(masked);
    const words = Array.from({ length: tokens.count }, (_, k) => withoutGlyphFill(masked.slice(tokens.starts[k], tokens.ends[k])));
    assert.deepEqual(words, ['A', 'gain', 'of', 'quark', 'GOQ', 'effect', 'QL', '1β', 'and', 'QNF', 'α', 'rose', 'R', 'D', 'and', 'R', 'D', 'too']);
  });
  test('a Latin letter with a mark shows as the letter; a name HTML does not define stays text', () => {
    const text = 'The &eacute;cole and G&ouml;ttingen; the &QZR; and QZA&QZB; levels; &BETA; stays.\n';
    const { masked } = scanProse(text, 'markdown');
    const tokens = tokenize(masked);
    const words = Array.from({ length: tokens.count }, (_, k) => withoutGlyphFill(masked.slice(tokens.starts[k], tokens.ends[k])));
    assert.ok(words.includes('école') && words.includes('Göttingen'), words.join(' '));
    assert.ok(words.includes('QZR') && words.includes('QZB') && words.includes('BETA'), words.join(' '));
  });
  test('a number no character answers to is still markup (it prints a replacement mark)', () => {
    const { masked } = scanProse('Values &#x10FFFF;QX and &#0;QW rose.\n', 'markdown');
    const tokens = tokenize(masked);
    const words = Array.from({ length: tokens.count }, (_, k) => masked.slice(tokens.starts[k], tokens.ends[k]));
    assert.deepEqual(words, ['Values', 'QX', 'and', 'QW', 'rose']);
  });
  test('a long form in quoted entities defines its short form; an ampersand alone stays text', () => {
    const service = createTerminologyService();
    const text = 'Reports of a &ldquo;gain-of-quark&rdquo; (GOQ) effect grew, and GOQ cells were studied by R&D teams.\n';
    assert.deepEqual(service.lint({ uri: 'e.md', version: 1, text }).filter((d) => d.code === 'undefined-abbreviation').map((d) => text.slice(d.start, d.end)), []);
  });
  test('full-width brackets, as Chinese typesetting writes them, read as brackets', () => {
    const service = createTerminologyService();
    const text = 'Quark leukocyte antigen（QLA）typing was done, and QLA matched in all donors.\n';
    const found = service.lint({ uri: 'f.md', version: 1, text }).map((d) => d.code);
    assert.ok(!found.includes('undefined-abbreviation'), JSON.stringify(found));
    // A lone full-width bracket is no definition.
    const lone = 'Quark leukocyte antigen（QLA typing was done, and QLA matched.\n';
    assert.ok(service.lint({ uri: 'g.md', version: 1, text: lone }).some((d) => d.code === 'undefined-abbreviation'));
  });
});

describe('an HTML comment opening a line after a line of text stays in its paragraph', () => {
  // The reading as one expression with a lookbehind (its first form): the linear reading must agree with it.
  const byLookbehind = (source: string) => source.replace(/(?<=[^\s][^\n]*\n {0,3})<!--(?=[^\n]*-->)/g, 'x!--');
  test('agrees with the lookbehind reading on any text of lines, spaces, comments and letters', () => {
    const piece = fc.constantFrom('a', ' ', '  ', '\n', '\r\n', '\t', '<!--', '-->', '<!-- q -->', 'x');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const source = pieces.join('');
      assert.equal(withCommentsInParagraphs(source), byLookbehind(source));
    }), { numRuns: 2000 });
  });
  test('only a comment that opens a line after text and closes on that line', () => {
    assert.equal(withCommentsInParagraphs('Text;\n<!-- a note -->\nMore'), 'Text;\nx!-- a note -->\nMore');
    assert.equal(withCommentsInParagraphs('Text;\n\n<!-- a note -->'), 'Text;\n\n<!-- a note -->');
    assert.equal(withCommentsInParagraphs('Text;\n    <!-- indented -->'), 'Text;\n    <!-- indented -->');
    assert.equal(withCommentsInParagraphs('Text;\n<!-- runs on\n-->'), 'Text;\n<!-- runs on\n-->');
  });
});
