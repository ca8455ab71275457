// Disease, transplant, response and laboratory abbreviations (issue 15): the short forms that
// collide with ordinary text stay silent there, and a real undefined use is still reported with
// the right expansion offered.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTerminologyService } from '../../server/src/service/index';
import { parseMarked } from '../helpers/marked';

const service = createTerminologyService();

/** Checks that `rule` reports exactly the «marked» ranges of `source`. */
function check(rule: string, source: string): void {
  const { text, ranges } = parseMarked(source);
  const diagnostics = service.lint({ uri: 'test.md', version: 1, text }).filter((d) => d.code === rule);
  assert.deepEqual(
    diagnostics.map((d) => `${text.slice(d.start, d.end)}@${d.start}`),
    ranges.map((r) => `${text.slice(r.start, r.end)}@${r.start}`),
    `${rule} in ${JSON.stringify(text)}:\n${diagnostics.map((d) => d.message).join('\n')}`,
  );
}

/** Every diagnostic of a document, as `rule:token`. */
function all(text: string): string[] {
  return service.lint({ uri: 'test.md', version: 1, text }).map((d) => `${d.code}:${text.slice(d.start, d.end)}`);
}

/** The titles of the fixes offered for the first `rule` diagnostic. */
function fixTitles(rule: string, text: string): string[] {
  const diagnostic = service.lint({ uri: 'fix.md', version: 1, text }).find((d) => d.code === rule);
  assert.ok(diagnostic, `${rule} reported in ${JSON.stringify(text)}`);
  return (diagnostic.data?.fixes ?? []).map((f: { title: string }) => f.title);
}

describe('short forms that collide with ordinary text', () => {
  test('ALL in a capitalised heading or a table header is not a use', () => {
    assert.deepEqual(all('# ALL PATIENTS\n\nEvery enrolled person was followed.\n'), []);
    assert.deepEqual(all('| ALL PATIENTS | n |\n|---|---|\n| enrolled | 12 |\n'), []);
  });
  test('a length in millimetres is not multiple myeloma', () => {
    assert.deepEqual(all('Tumours of 5 mm and 12 mm were measured with calipers.\n'), []);
  });
  test('mean ± SD is not read as stable disease', () => {
    assert.deepEqual(all('Values are the mean ± SD of three donors.\n'), []);
  });
  test('the word "all" in prose is not ALL', () => {
    assert.deepEqual(all('All donors and all patients gave consent; all samples were frozen.\n'), []);
  });
});

describe('a real undefined use is still reported, with the expansion', () => {
  test('children with ALL', () => {
    check('undefined-abbreviation', 'We treated children with «ALL» in first relapse. ALL relapsed in two.');
    assert.deepEqual(fixTitles('undefined-abbreviation', 'We treated children with ALL in first relapse. ALL relapsed in two.'), [
      "Define at first use: 'acute lymphoblastic leukemia (ALL)'",
    ]);
  });
  test('AML and an allogeneic transplant', () => {
    const text = 'Patients with AML received allo-HSCT. AML relapse after allo-HSCT was rare.';
    // A mention is cut at the ordinary word `allo`, so the use reported is HSCT.
    check('undefined-abbreviation', 'Patients with «AML» received allo-«HSCT». AML relapse after allo-HSCT was rare.');
    assert.deepEqual(fixTitles('undefined-abbreviation', text), ["Define at first use: 'acute myeloid leukemia (AML)'"]);
  });
});

describe('expansions authors write', () => {
  test('a wrong long form of ALL is a conflict; the older synonym is not', () => {
    check('conflicting-expansion', 'We studied «acute lymphocyte leukemia» (ALL) and ALL relapse.');
    check('conflicting-expansion', 'We studied acute lymphocytic leukemia (ALL) and ALL relapse.');
  });
  test('a known expansion with words added inside it, its article aside, names the same term', () => {
    check('conflicting-expansion', 'The area under virus concentration curve (AUC) rose; AUC fell.');
    check('conflicting-expansion', 'The «average uptake curve» (AUC) rose; AUC fell.');
  });
  test('transplant and transplantation are both accepted', () => {
    check('conflicting-expansion', 'After autologous stem cell transplant (ASCT), ASCT failed.');
    check('conflicting-expansion', 'After allogeneic haematopoietic stem cell transplantation (allo-HSCT), allo-HSCT failed.');
  });
});

describe('ambiguous short forms: both meanings accepted, no expansion guessed', () => {
  for (const [short, first, second] of [
    ['MS', 'mass spectrometry', 'multiple sclerosis'],
    ['MDS', 'multidimensional scaling', 'myelodysplastic syndrome'],
    ['AAV', 'adeno-associated virus', 'ANCA-associated vasculitis'],
    ['MSD', 'Meso Scale Discovery', 'matched sibling donor'],
    ['FL', 'full-length', 'follicular lymphoma'],
  ] as const) {
    test(short, () => {
      check('conflicting-expansion', `We used ${first} (${short}); ${short} worked.`);
      check('conflicting-expansion', `We saw ${second} (${short}); ${short} again.`);
      check('undefined-abbreviation', `The «${short}» data and ${short} again.`);
      assert.deepEqual(fixTitles('undefined-abbreviation', `The ${short} data and ${short} again.`), []);
    });
  }
});

describe('hover names the new categories', () => {
  test('AML: Diseases and indications', () => {
    const text = 'Acute myeloid leukemia (AML) is common; AML relapses.';
    const model = service.model({ uri: 'h.md', version: 1, text });
    const hover = service.hover({ uri: 'h.md', version: 1, text }, model.lines.positionAt(text.lastIndexOf('AML') + 1));
    const value = JSON.stringify(hover?.contents ?? '');
    assert.match(value, /Diseases and indications/);
    assert.match(value, /acute myeloid leuka?emia/i);
  });
});

describe('viruses named by a patient\'s initials', () => {
  test('BK and JC are names: no definition asked, whatever follows them', () => {
    assert.deepEqual(all('# Results\n\nBK virus reactivation was common, and BK viraemia followed. JC virus was not seen.\n'), []);
  });
  test('their abbreviations are still defined at first use', () =>
    check('undefined-abbreviation', '# Results\n\nBK virus reactivation was common; «BKV» loads rose.\n'));
  test('hover on the virus tells what the letters are', () => {
    const text = '# Results\n\nBK virus reactivation was common.\n';
    const model = service.model({ uri: 'h.md', version: 1, text });
    const hover = service.hover({ uri: 'h.md', version: 1, text }, model.lines.positionAt(text.indexOf('virus') + 1));
    assert.match(JSON.stringify(hover?.contents ?? ''), /initials of the patient/);
  });
});

describe('a reagent named by its amount in a recipe', () => {
  const severities = (text: string) =>
    service.lint({ uri: 'r.md', version: 1, text: `# Methods\n\n${text}\n` }).filter((d) => d.code === 'undefined-abbreviation').map((d) => `${d.message.match(/^'([^']+)'/)?.[1]} ${d.severity}`);
  test('a concentration, a percentage, a fold or a volume before it: a note, not a warning', () =>
    assert.deepEqual(severities('Cells were lysed with 1 $\\mu$M QMSF, 0.1% ZGEPAL CA-630, 1× ZYBR Green and 2 ml QBS.'), ['QMSF information', 'ZGEPAL information', 'ZYBR information', 'QBS information']));
  test('a count before it, or none, leaves it a warning', () =>
    assert.deepEqual(severities('There were 3 QMSF events and QMSF rose.'), ['QMSF warning']));
  test('a key the knowledge base asks to define keeps its warning', () =>
    assert.deepEqual(severities('Cells were given 5 mg/kg of 10 mM ADCC.'), ['ADCC warning']));
});

describe('names that are no abbreviations: a software project and genome-browser file formats', () => {
  test('GNU, bigWig, bigBed and bedGraph need no definition', () => {
    assert.deepEqual(all('# Methods\n\nRuns were timed with GNU time. Tracks were written as bedGraph, then bigWig and bigBed files.\n'), []);
  });
});
