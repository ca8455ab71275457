/**
 * The `carnk.insertAbbreviationList` command, run as a user runs it from the command palette:
 * it writes the manuscript's list of abbreviations at the cursor, and running it again replaces
 * that list instead of adding a second one.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeWithoutSaving, openScratchMarkdown } from './editorHelpers';

const MANUSCRIPT = [
  '# Introduction',
  '',
  'Natural killer (NK) cells kill antibody-coated targets by antibody-dependent cellular cytotoxicity (ADCC).',
  'NK cells from one donor can treat many patients, and ADCC adds a second route of recognition.',
  '',
  '## Abbreviations',
  '',
  '',
].join('\n');

/** The rows the list must contain, in this order (sorted by abbreviation). */
const EXPECTED_ROWS = ['| ADCC | antibody-dependent cellular cytotoxicity |', '| NK | natural killer |'];

suite('list of abbreviations command', () => {
  teardown(closeWithoutSaving);

  test('writes the list at the cursor, and a second run replaces it', async () => {
    const editor = await openScratchMarkdown(MANUSCRIPT);
    const end = new vscode.Position(editor.document.lineCount - 1, 0);
    editor.selection = new vscode.Selection(end, end);

    await vscode.commands.executeCommand('carnk.insertAbbreviationList');
    const once = editor.document.getText();
    const positions = EXPECTED_ROWS.map((row) => once.indexOf(row));
    assert.ok(positions.every((at) => at > once.indexOf('## Abbreviations')), `list not written under the heading:\n${once}`);
    assert.deepEqual([...positions].sort((a, b) => a - b), positions, 'rows are not sorted by abbreviation');

    await vscode.commands.executeCommand('carnk.insertAbbreviationList');
    const twice = editor.document.getText();
    for (const row of EXPECTED_ROWS) assert.equal(twice.split(row).length - 1, 1, `'${row}' appears more than once after a second run:\n${twice}`);
    assert.equal(twice, once, 'a second run changed an up-to-date list');
  });
});
