/**
 * Hovers come from our server through VS Code's hover pipeline (`vscode.executeHoverProvider`,
 * the same call the editor makes when the mouse rests on a word).
 */
import * as assert from 'node:assert/strict';
import { hoverTextAt, openFixture, positionOf, waitForCarnkDiagnostics } from './editorHelpers';

/** Where to hover (zero-based line, the word) and what our hover must say there. */
const HOVERS: { file: string; line: number; word: string; mustMention: RegExp[] }[] = [
  // Used on line 95 but defined on line 167: the hover gives the expansion and where it is defined.
  { file: 'car-nk-review.md', line: 94, word: 'ADCC', mustMention: [/antibody-dependent cellular cytotoxicity/i, /167/] },
  // Defined in the main text on lines 49-50.
  { file: 'car-nk-review.md', line: 276, word: 'CRS', mustMention: [/cytokine release syndrome/i] },
];

suite('hover in the editor', () => {
  suiteSetup(async () => {
    // Hovers need the language server running; its first diagnostics prove it is.
    const { document } = await openFixture('car-nk-review.md');
    await waitForCarnkDiagnostics(document.uri, (current) => current.length > 0);
  });

  for (const { file, line, word, mustMention } of HOVERS) {
    test(`hover on ${word} (${file}:${line + 1}) explains it`, async () => {
      const { document } = await openFixture(file);
      const position = positionOf(document, line, word).translate(0, 1);
      const text = await hoverTextAt(document.uri, position);
      for (const pattern of mustMention) assert.match(text, pattern, `hover on ${word} lacks ${pattern}; got:\n${text}`);
    });
  }
});
