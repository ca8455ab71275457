/**
 * Quick fixes from our server through VS Code (`vscode.executeCodeActionProvider`, what the light
 * bulb calls), applied with `workspace.applyEdit`: the text changes as promised, the diagnostic
 * goes away, and the fix is no longer offered, so applying it twice cannot corrupt the text.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticCode, openFixture, positionOf, waitForCarnkDiagnostics } from './editorHelpers';

/**
 * Planted problems of car-nk-review.md (zero-based lines), the text their fix must write there and,
 * optionally, a text that must then occur exactly once in the document.
 */
const CASES: { line: number; word: string; code: string; title: RegExp; replacement: string; once?: string }[] = [
  { line: 198, word: 'CAR NK', code: 'inconsistent-variants', title: /CAR-NK/, replacement: 'CAR-NK' },
  { line: 267, word: 'TGF-beta', code: 'discouraged-variant', title: /TGF-β/, replacement: 'TGF-β' },
  // The definition moves from line 167 to the first use: defined once, at line 95.
  {
    line: 94,
    word: 'ADCC',
    code: 'used-before-definition',
    title: /ADCC/,
    replacement: 'antibody-dependent cellular cytotoxicity (ADCC)',
    once: 'antibody-dependent cellular cytotoxicity (ADCC)',
  },
];

suite('quick fixes in the editor', () => {
  teardown(() => vscode.commands.executeCommand('workbench.action.files.revert'));

  for (const { line, word, code, title, replacement, once } of CASES) {
    test(`${code} on '${word}' (line ${line + 1}) is fixed by its quick fix`, async () => {
      const { document } = await openFixture('car-nk-review.md');
      const start = positionOf(document, line, word);
      const wordRange = new vscode.Range(start, start.translate(0, word.length));
      const isTarget = (diagnostic: vscode.Diagnostic): boolean => diagnosticCode(diagnostic) === code && diagnostic.range.start.line === line;
      await waitForCarnkDiagnostics(document.uri, (current) => current.some(isTarget));

      const fixesAt = async (): Promise<vscode.CodeAction[]> =>
        (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, wordRange, vscode.CodeActionKind.QuickFix.value)).filter(
          (action) => title.test(action.title) && !/^Fix all/.test(action.title),
        );
      const [fix] = await fixesAt();
      assert.ok(fix?.edit, `no quick fix matching ${title} at ${line + 1}:${start.character + 1}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit), 'VS Code refused the quick fix edit');

      const lineText = document.lineAt(line).text;
      assert.equal(lineText.slice(start.character, start.character + replacement.length), replacement, `line after the fix: ${lineText}`);
      if (once) assert.equal(document.getText().split(once).length - 1, 1, `'${once}' should occur exactly once after the fix`);
      await waitForCarnkDiagnostics(document.uri, (current) => current.length > 0 && !current.some(isTarget));
      assert.deepEqual(await fixesAt(), [], 'the same fix is still offered after it was applied');
      assert.equal(document.lineAt(line).text, lineText, 'asking for fixes again changed the text');
    });
  }
});
