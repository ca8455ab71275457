/**
 * Completion from our server through VS Code (`vscode.executeCompletionItemProvider`, what the
 * suggest widget calls), accepted into the document: where the abbreviation is not yet defined,
 * the term is inserted as `expansion (ABBR)`.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { acceptCompletion, closeWithoutSaving, completionLabel, openScratchMarkdown } from './editorHelpers';

/** Typed text (the cursor at its end), the item to pick, and the line it must produce. */
const CASES: { typed: string; label: string; expectedLine: string }[] = [
  { typed: 'Trastuzumab engages antibody-dep', label: 'ADCC', expectedLine: 'Trastuzumab engages antibody-dependent cellular cytotoxicity (ADCC)' },
  // Typed as the start of the expansion; the whole typed phrase is replaced.
  { typed: 'Patients developed cytokine rel', label: 'CRS', expectedLine: 'Patients developed cytokine release syndrome (CRS)' },
];

suite('completion in the editor', () => {
  teardown(closeWithoutSaving);

  for (const { typed, label, expectedLine } of CASES) {
    test(`"${typed}|" offers ${label} and accepting it writes the definition`, async () => {
      const editor = await openScratchMarkdown(`# Results\n\n${typed}`);
      const position = new vscode.Position(2, typed.length);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
      const item = list.items.find((candidate) => completionLabel(candidate) === label && candidate.kind !== vscode.CompletionItemKind.Snippet);
      assert.ok(item, `no ${label} item in ${editor.document.uri.toString()} v${editor.document.version}; got ${list.items.slice(0, 20).map(completionLabel).join(', ')}`);
      await acceptCompletion(editor, item, position);
      assert.equal(editor.document.lineAt(2).text, expectedLine);
    });
  }
});
