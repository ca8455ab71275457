// Takes docs/screenshot.png (E2E.md §3b): the example review open in VS Code, the Problems panel,
// a terminology squiggle and our hover card over it. Every step waits on what the screen shows
// (a selector), never on time. Also an end-to-end check of the rendering path: it fails when the
// squiggle or the hover card does not appear.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_ROOT } from './provisionTools.mjs';

/** Where the picture goes, and its size. */
export const SCREENSHOT_PATH = join(EXTENSION_ROOT, 'docs', 'screenshot.png');
const VIEWPORT = { width: 1400, height: 850 };
/** The warning to show: 'ADCC' used on line 95, defined on line 167 (examples/ANSWER-KEY.md). */
// `ADCC — ` is how our hover heads a term ("**ADCC** — expansion"); the diagnostic's own message,
// shown in the same card, does not contain it, so waiting for it waits for our hover.
const TARGET = { file: 'car-nk-review.md', line: 95, column: 25, word: 'ADCC', hoverMentions: 'ADCC — antibody-dependent cellular cytotoxicity' };
const STEP_TIMEOUT_MS = 60_000;

/**
 * Profile settings for the picture: no animations (a hover caught mid-fade is half transparent)
 * and no minimap (noise that also doubles the file size).
 */
export const SCREENSHOT_SETTINGS = { 'workbench.reduceMotion': 'on', 'editor.minimap.enabled': false };

/**
 * @param {{ browser: import('playwright-core').Browser, server: import('./codeServer.mjs').RunningCodeServer, log: (line: string) => void }} options
 * @returns {Promise<number>} 0 when the screenshot was written
 */
export async function takeScreenshot({ browser, server, log }) {
  const page = await browser.newPage({ viewport: VIEWPORT });
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  const payload = [
    ['extensionDevelopmentPath', server.remoteUri(EXTENSION_ROOT)],
    ['openFile', server.remoteUri(join(server.workspace, TARGET.file))],
    ['skipWelcome', 'true'],
  ];
  await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(server.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  await page.locator('.monaco-workbench').waitFor();
  await page.locator('.monaco-editor .view-lines:has-text("Natural killer")').first().waitFor();
  log('workbench and manuscript open');

  // The Problems panel shows our diagnostics as soon as the server has linted the file.
  await page.locator('.monaco-editor textarea').first().focus();
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row', { hasText: TARGET.word }).first().waitFor();
  log('Problems panel lists carnk diagnostics');

  // Go to the offending word, which scrolls it into the middle of the editor.
  await page.locator('.monaco-editor textarea').first().focus();
  await page.keyboard.press('Control+G');
  await page.keyboard.type(`${TARGET.line}:${TARGET.column}`);
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines:has-text("which weakens ADCC")').first().waitFor();

  // Pick the squiggle on the cursor's line and rest the mouse on it.
  const squiggles = page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error');
  await squiggles.first().waitFor();
  const cursor = await page.locator('.monaco-editor .cursor').first().boundingBox();
  let target;
  for (const box of await Promise.all((await squiggles.all()).map((squiggle) => squiggle.boundingBox()))) {
    if (!box || !cursor) continue;
    const distance = Math.abs(box.y + box.height / 2 - (cursor.y + cursor.height / 2)) * 10 + Math.abs(box.x - cursor.x);
    if (!target || distance < target.distance) target = { box, distance };
  }
  if (!target) throw new Error('no squiggle near the cursor');
  await page.mouse.move(target.box.x + target.box.width / 2, target.box.y + target.box.height / 2, { steps: 5 });
  const hover = page.locator('.monaco-hover:visible', { hasText: TARGET.hoverMentions });
  await hover.first().waitFor();
  // The card first says "Checking for quick fixes…" and then lists them (or says there are none).
  await page.waitForFunction(() => !document.querySelector('.monaco-hover')?.textContent?.includes('Checking for quick fixes'));
  // Let any remaining CSS transition finish, so the card is fully opaque in the picture.
  await hover.first().evaluate((card) => Promise.all(card.getAnimations({ subtree: true }).map((animation) => animation.finished)));
  log('squiggle hovered, our hover card is visible');

  await page.screenshot({ path: SCREENSHOT_PATH });
  log(`wrote ${SCREENSHOT_PATH} (${(statSync(SCREENSHOT_PATH).size / 1024).toFixed(0)} KB, ${VIEWPORT.width}x${VIEWPORT.height})`);
  await page.close();
  return 0;
}
