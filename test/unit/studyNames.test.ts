import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTerminologyService } from '../../server/src/service/index';
import { studyReadingOf } from '../../server/src/service/model/studyNames';
import { parseMarked } from '../helpers/marked';
import { undefinedWithSeverity } from '../helpers/undefinedKeys';

const service = createTerminologyService();

/** The phrase naming the «marked» mention as a trial or a study, if the words around it do. */
function reading(source: string): string | undefined {
  const { text, ranges } = parseMarked(source);
  const range = ranges[0]!;
  return studyReadingOf(text, { start: range.start, end: range.end, text: text.slice(range.start, range.end) });
}


describe('trials and studies named by the words around them', () => {
  const named: [string, string][] = [
    ['responses in the «QUMA-7» trial were durable', 'the QUMA-7 trial'],
    ['as the QUMA-7, «JOLIET» and ELIANQ trials showed', 'the QUMA-7, JOLIET and ELIANQ trials'],
    ['as the QUMA-7, JOLIET and «ELIANQ» trials showed', 'the QUMA-7, JOLIET and ELIANQ trials'],
    ['The «TROPHQ» study is ongoing.', 'The TROPHQ study'],
    ['in the «KarQMa» and CARTITUDQ-1 studies', 'the KarQMa and CARTITUDQ-1 studies'],
    ['results of the «QELIANCE» phase 2 trial', 'the QELIANCE phase 2 trial'],
    ['the «QUMA-7» pivotal trial enrolled 101 patients', 'the QUMA-7 pivotal trial'],
    // A word or two in lower case between `the` and the name.
    ['The recent «QAMP» study in Malawi', 'The recent QAMP study'],
    ['The landmark «QEAST» trial[@ref] randomised children', 'The landmark QEAST trial'],
  ];
  for (const [source, phrase] of named) test(`named: ${source}`, () => assert.equal(reading(source), phrase));

  const notNamed = [
    // What trials study is an abbreviation to define: no `the`, or a word between.
    'enrolment in «HCQ» trials was slow',
    'the «SAVQ» based trials were small',
    'the «HCQ» clinical trials were small',
    // A lower-case start is a consortium's or a method's abbreviation.
    'data from the «iHMQ» study were used',
    // No trial noun after the name.
    'the «QUMA-7» cohort was small',
    // Three words between `the` and the name are a clause, not a trial's name.
    'the data from recent «QAMP» study',
  ];
  for (const source of notNamed) test(`not named: ${source}`, () => assert.equal(reading(source), undefined));

  test('a word of capitals whose first use names a trial is reported there as a note', () => {
    const text = '# Results\n\nThe JOLIET trial enrolled adults.\n\nIn JOLIET, responses were durable.\n';
    assert.deepEqual(undefinedWithSeverity(text), ['JOLIET information']);
    const message = service.lint({ uri: 'trials.md', version: 1, text }).find((d) => d.code === 'undefined-abbreviation')!.message;
    assert.match(message, /names a trial or study \('The JOLIET trial'\)/u);
  });

  test('a first use outside a trial context stays a warning, whatever a later use says', () => {
    assert.deepEqual(undefinedWithSeverity('# Results\n\nRemission in QMOSD was rare.\n\nIn the QA and QMOSD studies, few responded.\n'), ['QMOSD warning', 'QA warning']);
  });

  test('names of three letters or fewer before trials are what the trials study', () => {
    assert.deepEqual(undefinedWithSeverity('# Results\n\nThe QZI trials were small.\n'), ['QZI warning']);
  });

  test("a trial's code (letters, a hyphen, a number) named as a trial is a name, not reported", () => {
    assert.deepEqual(undefinedWithSeverity('# Results\n\nIn the QUMA-7 trial, QUMA-7 patients responded.\n'), []);
  });

  test('other codes before a trial noun stay abbreviations to define', () => {
    assert.deepEqual(undefinedWithSeverity('# Results\n\nResponses in the Q1D study were durable, as in the QAV9 trials.\n'), ['Q1D warning', 'QAV9 warning']);
  });

  test('a knowledge-base term before trials is still an abbreviation to define', () => {
    assert.deepEqual(undefinedWithSeverity('# Results\n\nThe CRS trials were small.\n'), ['CRS warning']);
  });

  test('the same capitals with no trial noun stay a warning', () => {
    assert.deepEqual(undefinedWithSeverity('# Results\n\nThe QXRT score rose.\n'), ['QXRT warning']);
  });
});
