/**
 * What the in-editor tests share: opening fixture files of the test workspace, waiting for the
 * CAR-NK language server's diagnostics (by event, never by sleeping) and reading hover text.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** The `source` every diagnostic of our server carries (server/src/protocol.ts). */
export const CARNK_SOURCE = 'carnk';

/** `publisher.name` from package.json. */
export const EXTENSION_ID = 'carnk-terminology.carnk-terminology';

/** Opens a file of the fixture workspace (a temporary copy of examples/) in an editor. */
export async function openFixture(relativePath: string): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace (a copy of examples/) is not open');
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, relativePath));
  return vscode.window.showTextDocument(document);
}

/** Our diagnostics on a document, whatever VS Code's own Markdown server reports beside them. */
export function carnkDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === CARNK_SOURCE);
}

/**
 * Resolves with our diagnostics on `uri` as soon as `accept` holds for them, checking now and on
 * every `onDidChangeDiagnostics` for that document; rejects after `timeoutMs`, listing what was there.
 */
export function waitForCarnkDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 20_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const settle = (): boolean => {
      const current = carnkDiagnostics(uri);
      if (!accept(current)) return false;
      cleanup();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) settle();
    });
    const deadline = setTimeout(() => {
      cleanup();
      const seen = carnkDiagnostics(uri).map(describeDiagnostic).join('\n  ');
      reject(new Error(`timed out after ${timeoutMs} ms waiting for carnk diagnostics on ${uri.path}; present:\n  ${seen || '(none)'}`));
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(deadline);
      subscription.dispose();
    };
    settle();
  });
}

/** `line:character code 'text' message`, zero-based, for failure messages. */
export function describeDiagnostic(diagnostic: vscode.Diagnostic): string {
  const { start } = diagnostic.range;
  return `${start.line}:${start.character} ${diagnosticCode(diagnostic)} ${diagnostic.message}`;
}

/** The rule id of a diagnostic, whether the server sent it as a plain code or with a link. */
export function diagnosticCode(diagnostic: vscode.Diagnostic): string {
  const { code } = diagnostic;
  return String(typeof code === 'object' && code !== null ? code.value : code ?? '');
}

/** The plain text of every hover VS Code's providers return at a position, joined. */
export async function hoverTextAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return (hovers ?? [])
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/** The position of the `occurrence`-th (0-based) appearance of `text` on a zero-based line. */
export function positionOf(document: vscode.TextDocument, line: number, text: string, occurrence = 0): vscode.Position {
  const lineText = document.lineAt(line).text;
  let character = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    character = lineText.indexOf(text, character + 1);
    assert.ok(character >= 0, `'${text}' (occurrence ${occurrence}) not found on line ${line + 1}: ${lineText}`);
  }
  return new vscode.Position(line, character);
}

let scratchCount = 0;

/**
 * Writes `content` to a new Markdown file in the test workspace and opens it. Each call uses a new
 * name: untitled documents reuse `Untitled-1` after a close, and a reused URI occasionally got
 * answers computed from the previous document's text (reported to the server's authors).
 */
export async function openScratchMarkdown(content: string): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is not open');
  scratchCount += 1;
  const uri = vscode.Uri.joinPath(folder.uri, `scratch-${Date.now()}-${scratchCount}.md`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

/** Reverts and closes the active editor, so no test leaves changes behind for the next one. */
export async function closeWithoutSaving(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

/** The label of a completion item, whether plain or with details. */
export function completionLabel(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Applies a completion item as VS Code does on accept: its text replaces its (replacing) range. */
export async function acceptCompletion(editor: vscode.TextEditor, item: vscode.CompletionItem, at: vscode.Position): Promise<void> {
  const range = item.range === undefined ? editor.document.getWordRangeAtPosition(at) ?? new vscode.Range(at, at) : 'replacing' in item.range ? item.range.replacing : item.range;
  const text = item.insertText ?? completionLabel(item);
  if (text instanceof vscode.SnippetString) {
    await editor.insertSnippet(text, range);
  } else {
    assert.ok(await editor.edit((edit) => edit.replace(range, text)), 'the editor refused the completion edit');
  }
}
