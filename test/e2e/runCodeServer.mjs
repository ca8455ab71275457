#!/usr/bin/env node
// Runs the in-editor tests in a real VS Code (code-server 4.100.3 = VS Code 1.100.3, driven by
// Debian's chromium through playwright-core), offline. See /work/shared/E2E.md for the route.
//
//   node test/e2e/runCodeServer.mjs               the mocha suite in test/e2e/suite (E2E.md §3a)
//   node test/e2e/runCodeServer.mjs --screenshot  writes docs/screenshot.png (E2E.md §3b)
//
// Expects a built extension (dist/, as `npm test` and `npm run build` leave it). Installs the tools
// on first use (test/e2e/provisionTools.mjs). When they cannot be installed it skips with a notice,
// except under CI (CI set), where it fails: a CI run must not pass without the in-editor tests.
// Environment: CARNK_E2E_GREP=<text> runs only matching tests; CARNK_E2E_KEEP=1 keeps the temp state.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { compileSuite } from './compileSuite.mjs';
import { startCodeServer, tail } from './codeServer.mjs';
import { CHROMIUM_PATH, EXTENSION_ROOT, TOOLS_DIR, provisionE2eTools } from './provisionTools.mjs';

/** Must match SUMMARY_MARKER in test/e2e/suite/index.ts. */
const SUMMARY_MARKER = 'carnk-e2e-summary';
/** The example manuscripts double as the fixture workspace; the runner works on a copy. */
const FIXTURE_DIR = join(EXTENSION_ROOT, 'examples');
/** Upper bound for one whole suite run; a healthy run takes well under a minute. */
const SUITE_TIMEOUT_MS = 5 * 60_000;

/** Workbench start-up lines that reach the same log channel as mocha; dropped to keep the output readable. */
const WORKBENCH_CHATTER = [/^Resolv(ing|ed) connection token/, /^Creating a socket/, /^Ignoring fetching additional builtin extensions/, /^Updating additional builtin extensions cache/, /^\[Service Worker\]/, /^ChatSessionStore:/];

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function main() {
  const screenshot = process.argv.includes('--screenshot');
  const started = Date.now();
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

  for (const bundle of ['dist/extension.js', 'dist/server.js', 'dist/serverBundle.js']) {
    if (!existsSync(join(EXTENSION_ROOT, bundle))) {
      console.error(`e2e: ${bundle} is missing; run \`npm run build\` first`);
      return 1;
    }
  }

  const provisioned = provisionE2eTools();
  if (!provisioned.ok) {
    if (process.env.CI) {
      console.error(`e2e: FAILED: the in-editor test tools could not be installed: ${provisioned.reason}`);
      return 1;
    }
    console.log(`e2e: SKIPPED in-editor tests: the tools could not be installed (${provisioned.reason}). Set CI=1 to make this an error.`);
    return 0;
  }
  console.log(`e2e: tools ready (${provisioned.installedNow ? 'installed now' : 'already installed'}) at ${seconds()}`);

  const require = createRequire(join(TOOLS_DIR, 'package.json'));
  const { chromium } = require('playwright-core');
  const testsIndex = screenshot ? undefined : await compileSuite();

  const settings = screenshot ? (await import('./takeScreenshot.mjs')).SCREENSHOT_SETTINGS : {};
  const server = await startCodeServer({ fixtureDir: FIXTURE_DIR, settings, env: { CARNK_E2E_GREP: process.env.CARNK_E2E_GREP ?? '' } });
  console.log(`e2e: code-server healthy on 127.0.0.1:${server.port} at ${seconds()}`);
  let browser;
  let exitCode = 1;
  /** @type {{ passed: number, failed: number } | undefined} */
  let summary;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    if (screenshot) {
      const { takeScreenshot } = await import('./takeScreenshot.mjs');
      exitCode = await takeScreenshot({ browser, server, log: (line) => console.log(`e2e: ${line} at ${seconds()}`) });
    } else {
      ({ code: exitCode, summary } = await runSuite({ browser, server, testsIndex: /** @type {string} */ (testsIndex) }));
    }
  } catch (error) {
    console.error(`e2e: ${/** @type {Error} */ (error).stack ?? error}`);
    console.error(`--- code-server log (last lines) ---\n${tail(server.logFile)}`);
    exitCode = 1;
  } finally {
    await browser?.close().catch(() => {});
    const keepState = Boolean(process.env.CARNK_E2E_KEEP);
    await server.stop({ keepState });
    if (keepState) console.log(`e2e: state kept in ${server.stateDir}`);
  }
  console.log(`e2e: ${exitCode === 0 ? 'done' : 'FAILED'} in ${seconds()}`);
  // Last, the plain closing count that CI logs are read for; a suite that never reported counts as a failure.
  if (!screenshot) console.log(summary ? `e2e: ${summary.passed} passed, ${summary.failed} failed` : 'e2e: 0 passed, 1 failed');
  return exitCode;
}

/**
 * Opens the workbench with the extension under development and the compiled suite as its tests;
 * VS Code runs them in the extension host and reports through window.codeAutomationExit.
 * @returns {Promise<{ code: number, summary?: { passed: number, failed: number } }>} code 0 when every test passed
 */
async function runSuite({ browser, server, testsIndex }) {
  const page = await browser.newPage();
  /** @type {Promise<number>} */
  const exited = new Promise((resolve) => {
    void page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
  });
  // The extension host's console (mocha's spec reporter) arrives here.
  let summary;
  await page.exposeFunction('codeAutomationLog', (_type, args) => {
    const parts = Array.isArray(args) ? args : [args];
    const first = String(parts[0] ?? '');
    if (first.startsWith(`${SUMMARY_MARKER} `)) summary = JSON.parse(first.slice(SUMMARY_MARKER.length + 1));
    else if (!WORKBENCH_CHATTER.some((pattern) => pattern.test(first))) console.log(...parts);
  });
  const payload = [
    ['extensionDevelopmentPath', server.remoteUri(EXTENSION_ROOT)],
    ['extensionTestsPath', server.remoteUri(testsIndex)],
    ['skipWelcome', 'true'],
  ];
  const url = `http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(server.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url);
  let timer;
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(() => {
      console.error(`e2e: the suite did not finish within ${SUITE_TIMEOUT_MS / 1000} s`);
      resolve(1);
    }, SUITE_TIMEOUT_MS);
  });
  const code = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  return { code: summary ? code : 1, summary };
}

process.exitCode = await main();
