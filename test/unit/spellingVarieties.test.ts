// British and American spelling mixed in one document (issue 14: the in-field authors listed
// `tumour`/`tumor` and `armored` in a British text among their drafts' slips). Every text is made up.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTerminologyService } from '../../server/src/service/index';
import { spellingMarksIn } from '../../server/src/service/model/spellingVarieties';
import { tokenize } from '../../server/src/service/text/tokens';

const service = createTerminologyService();

/** Each marked word of `text` as `word:variety>counterpart` (`-` for `-ise`/`-ize`). */
function marks(text: string): string[] {
  return spellingMarksIn(text, 0, tokenize(text)).map((mark) => `${mark.word}:${mark.variety ?? '-'}>${mark.counterpart}`);
}

/** The spelling findings of `text`: the word each is reported at. */
function mixed(text: string, spelling?: 'en-GB' | 'en-US'): string[] {
  return service
    .lint({ uri: 'spelling.md', version: 1, text }, spelling ? { spelling } : undefined)
    .filter((d) => d.code === 'inconsistent-variants' && d.data?.spelling !== undefined)
    .map((d) => text.slice(d.start, d.end));
}

describe('words whose spelling marks British or American English', () => {
  test('each family, both ways, with the other spelling', () => {
    assert.deepEqual(marks('antitumour tumours haematopoietic leukaemia hypoglycaemic oedema oesophageal paediatric oestrogen'), [
      'antitumour:british>antitumor',
      'tumours:british>tumors',
      'haematopoietic:british>hematopoietic',
      'leukaemia:british>leukemia',
      'hypoglycaemic:british>hypoglycemic',
      'oedema:british>edema',
      'oesophageal:british>esophageal',
      'paediatric:british>pediatric',
      'oestrogen:british>estrogen',
    ]);
    assert.deepEqual(marks('aetiology etiologies anaesthesia anesthetic caesarean celiac diarrhoea dyspnea apnoea orthopaedic faecal feces'), [
      'aetiology:british>etiology',
      'etiologies:american>aetiologies',
      'anaesthesia:british>anesthesia',
      'anesthetic:american>anaesthetic',
      'caesarean:british>cesarean',
      'celiac:american>coeliac',
      'diarrhoea:british>diarrhea',
      'dyspnea:american>dyspnoea',
      'apnoea:british>apnea',
      'orthopaedic:british>orthopedic',
      'faecal:british>fecal',
      'feces:american>faeces',
    ]);
    // Words that only look so: fetal is written in both; effect, infection, necessary, panel.
    assert.deepEqual(marks('fetal foetal effect infection necessary panel aesthetic ethnology'), []);
    // The unit of absorbed dose after its number is no spelling: `24 gray`.
    assert.deepEqual(marks('a dose of 24 gray and 12 grays'), []);
    assert.deepEqual(marks('artefacts artifactual greyscale gray grew artificial grayling'), [
      'artefacts:british>artifacts',
      'artifactual:american>artefactual',
      'greyscale:british>grayscale',
      'gray:american>grey',
    ]);
    assert.deepEqual(marks('colored behavioral favorable armoring centers centered fiber milliliters labeled signaling analyzed defense enrollment'), [
      'colored:american>coloured',
      'behavioral:american>behavioural',
      'favorable:american>favourable',
      'armoring:american>armouring',
      'centers:american>centres',
      'centered:american>centred',
      'fiber:american>fibre',
      'milliliters:american>millilitres',
      'labeled:american>labelled',
      'signaling:american>signalling',
      'analyzed:american>analysed',
      'defense:american>defence',
      'enrollment:american>enrolment',
    ]);
  });

  test('-ise and -ize mark neither variety', () => {
    assert.deepEqual(marks('randomised and randomization'), ['randomised:->randomized', 'randomization:->randomisation']);
  });

  test('the e kept or dropped before -ment marks neither variety', () => {
    assert.deepEqual(marks('judgement, judgments and acknowledgement'), ['judgement:->judgment', 'judgments:->judgements', 'acknowledgement:->acknowledgment']);
    // Other words ending in -gment or -ement are no pair.
    assert.deepEqual(marks('segment pigment fragment element management engagement'), []);
  });

  test('words spelt alike in both, or a capitalised name, are no mark', () => {
    assert.deepEqual(marks('four for filled filed humoral colorectal laboratory honorary hemisphere chemokine academic systemic endemic measurement parameter'), []);
    assert.deepEqual(marks('the Center for Tumor Research'), []);
  });
  test('the hormones\' drug names in their international spelling are no mark: British text writes them so', () => {
    assert.deepEqual(marks('estradiol estriol estrone'), []);
    assert.deepEqual(marks('oestrogen oestrus oestradiol'), ['oestrogen:british>estrogen', 'oestrus:british>estrus', 'oestradiol:british>estradiol']);
  });
});

describe('inconsistent-variants: British and American spelling mixed', () => {
  test('the less used spelling is reported once per word, singular and plural together', () => {
    const text = 'The tumour grew. Tumour cells and leukaemia blasts were haematological. One tumor and two tumors shrank.\n';
    assert.deepEqual(mixed(text), ['tumor']);
    const finding = service.lint({ uri: 'a.md', version: 1, text }).find((d) => d.data?.spelling !== undefined)!;
    assert.match(finding.message, /'tumor' is American spelling, and this document otherwise spells the British way \(tumour, leukaemia, haematological: 4 British forms against 2 American\)/u);
    const fix = finding.data!.fixes![0]!;
    assert.equal(fix.title, "Replace all 2 with 'tumour'");
    assert.deepEqual(fix.edits.map((edit) => edit.newText), ['tumour', 'tumours']);
  });

  test('one American word in a British text, and the other way round', () => {
    // A capitalised word opening a sentence is an ordinary word; elsewhere a name (`the Center for …`).
    assert.deepEqual(mixed('Armored cells in the tumour and leukaemia models. The armored product was labelled.\n'), ['Armored']);
    assert.deepEqual(mixed('Tumor control was labeled in the center; the colour was blue. The tumor shrank.\n'), ['colour']);
  });

  test('a tie goes to the spelling setting', () => {
    assert.deepEqual(mixed('The tumour and the tumor.\n'), ['tumour']);
    assert.deepEqual(mixed('The tumour and the tumor.\n', 'en-GB'), ['tumor']);
  });

  test('one spelling throughout is not reported, whichever it is', () => {
    assert.deepEqual(mixed('The tumour was labelled; leukaemia in the centre.\n'), []);
    assert.deepEqual(mixed('The tumor was labeled; leukemia in the center.\n'), []);
  });

  test('one word written with and without the e before -ment is reported at the less used form', () => {
    assert.deepEqual(mixed('A judgment error was common. Clinical judgement errors were rarer. Each judgment was reviewed.\n'), ['judgement']);
    // Either alone, in a British or an American text, is one spelling.
    assert.deepEqual(mixed('The tumor board made a judgement.\n'), []);
    assert.deepEqual(mixed('The tumour board made a judgment.\n'), []);
  });

  test('one word written with -ise and -ize is reported at the less used form', () => {
    assert.deepEqual(mixed('Patients were randomized. Two were randomized late and one was randomised early.\n'), ['randomised']);
    // Oxford spelling: -ize beside British spelling is one style.
    assert.deepEqual(mixed('The tumour was characterized and randomized.\n'), []);
    // -isation and -ization of one word: the less used is reported once, whichever check sees it.
    assert.deepEqual(mixed('Randomization was stratified. Randomization used blocks. Randomisation used sites.\n'), ['Randomisation']);
    assert.deepEqual(mixed('We randomized patients. Randomization was stratified. Randomisation used blocks. The tumor grew; tumor cells and the tumor. Randomisation again.\n'), ['Randomisation']);
    // -isation is British alone: in an American text it is the other spelling.
    assert.deepEqual(mixed('The tumor was labeled; its characterisation followed.\n'), ['characterisation']);
  });

  test('the fix leaves the document in one spelling', () => {
    const text = 'The tumour grew. Tumour cells and leukaemia blasts. One tumor and two tumors shrank.\n';
    const fixed = service.fixAll({ uri: 'b.md', version: 1, text }, undefined, { rules: ['inconsistent-variants'], safeOnly: false }).text;
    assert.equal(fixed, 'The tumour grew. Tumour cells and leukaemia blasts. One tumour and two tumours shrank.\n');
    assert.deepEqual(mixed(fixed), []);
  });
});
