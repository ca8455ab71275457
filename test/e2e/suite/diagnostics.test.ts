/**
 * Diagnostics reach the editor: opening each example manuscript shows the planted problems from
 * examples/ANSWER-KEY.md as carnk diagnostics, with ranges inside the document, and editing the text
 * (unsaved, as a user types) updates them.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { carnkDiagnostics, describeDiagnostic, diagnosticCode, openFixture, positionOf, waitForCarnkDiagnostics } from './editorHelpers';

/** Planted problems (answer key, converted to zero-based lines) that each manuscript must show. */
const EXPECTED: { file: string; code: string; line: number; text: string }[] = [
  { file: 'car-nk-review.md', code: 'used-before-definition', line: 94, text: 'ADCC' },
  { file: 'car-nk-review.md', code: 'undefined-abbreviation', line: 176, text: 'GMP' },
  { file: 'short-report.qmd', code: 'undefined-abbreviation', line: 58, text: 'MFI' },
  { file: 'analysis-notes.Rmd', code: 'used-before-definition', line: 29, text: 'KIR' },
];

function isExpected(diagnostic: vscode.Diagnostic, document: vscode.TextDocument, expected: (typeof EXPECTED)[number]): boolean {
  return (
    diagnosticCode(diagnostic) === expected.code &&
    diagnostic.range.start.line === expected.line &&
    document.getText(diagnostic.range) === expected.text
  );
}

suite('diagnostics in the editor', () => {
  for (const file of [...new Set(EXPECTED.map((expected) => expected.file))]) {
    test(`${file} shows its planted problems`, async () => {
      const { document } = await openFixture(file);
      const expectedHere = EXPECTED.filter((expected) => expected.file === file);
      const diagnostics = await waitForCarnkDiagnostics(document.uri, (current) =>
        expectedHere.every((expected) => current.some((diagnostic) => isExpected(diagnostic, document, expected))),
      );
      for (const diagnostic of diagnostics) {
        // Every range lies inside the document and is not inverted.
        const { start, end } = diagnostic.range;
        assert.ok(start.isBeforeOrEqual(end), `inverted range: ${describeDiagnostic(diagnostic)}`);
        assert.ok(end.line < document.lineCount, `range past the last line: ${describeDiagnostic(diagnostic)}`);
        assert.ok(end.character <= document.lineAt(end.line).text.length, `range past the line end: ${describeDiagnostic(diagnostic)}`);
        assert.equal(diagnostic.source, 'carnk');
      }
    });
  }

  test('defining the abbreviation at first use clears used-before-definition, without saving', async () => {
    const editor = await openFixture('car-nk-review.md');
    const { document } = editor;
    const firstUse = positionOf(document, 94, 'ADCC');
    const usedEarly = (current: vscode.Diagnostic[]): boolean =>
      current.some((diagnostic) => diagnosticCode(diagnostic) === 'used-before-definition' && document.getText(diagnostic.range) === 'ADCC');
    await waitForCarnkDiagnostics(document.uri, usedEarly);

    const definition = 'antibody-dependent cellular cytotoxicity (ADCC)';
    const edited = await editor.edit((edit) => edit.replace(new vscode.Range(firstUse, firstUse.translate(0, 4)), definition));
    assert.ok(edited, 'the editor refused the edit');
    try {
      // Until the server re-lints, VS Code keeps the old diagnostics at their old ranges, so wait for
      // a set without any late-definition warning on that line (and some other diagnostics).
      const lateOnLine95 = (diagnostic: vscode.Diagnostic): boolean =>
        diagnosticCode(diagnostic) === 'used-before-definition' && diagnostic.range.start.line === 94;
      const after = await waitForCarnkDiagnostics(document.uri, (current) => current.length > 0 && !current.some(lateOnLine95));
      assert.ok(!usedEarly(after), 'ADCC is still reported as used before its definition');
      assert.ok(document.isDirty, 'the edit should stay unsaved (files.autoSave is off in the test profile)');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await waitForCarnkDiagnostics(document.uri, usedEarly);
    assert.ok(carnkDiagnostics(document.uri).length > 0);
  });
});
