/**
 * The contributed snippets reach the editor: VS Code offers them in Markdown, and accepting one
 * inserts the reporting block with its first choices filled in.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { acceptCompletion, closeWithoutSaving, completionLabel, openScratchMarkdown } from './editorHelpers';

suite('snippets in the editor', () => {
  teardown(closeWithoutSaving);

  test('carnk-construct is offered in Markdown and expands to the CAR construct block', async () => {
    const typed = 'carnk-cons';
    const editor = await openScratchMarkdown(typed);
    const position = new vscode.Position(0, typed.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
    const snippet = list.items.find((item) => item.kind === vscode.CompletionItemKind.Snippet && completionLabel(item) === 'carnk-construct');
    assert.ok(snippet, `snippet not offered; got ${list.items.slice(0, 20).map(completionLabel).join(', ')}`);
    await acceptCompletion(editor, snippet, position);
    const text = editor.document.getText();
    assert.match(text, /^\*\*CAR construct\.\*\* The CAR targeted CD19 through a single-chain variable fragment \(scFv\)/);
    assert.ok(!text.includes('${'), `placeholders left in the text: ${text}`);
  });
});
