// Starts a throw-away code-server (VS Code 1.100.3 in the browser, with a Node extension host) on a
// free loopback port, with its own state folder, and stops it by process group. Everything the
// server writes (settings, extensions, logs, caches) stays under that folder; see E2E.md §2.
import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODE_SERVER_BIN } from './provisionTools.mjs';

/**
 * User settings for the test profile. Auto-save must be off: the web workbench saves after one
 * second by default, which would write text a test types into the fixture on disk.
 */
export const TEST_USER_SETTINGS = {
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'editor.hover.delay': 150,
};

/**
 * @typedef {object} RunningCodeServer
 * @property {number} port      loopback port the workbench is served on
 * @property {string} stateDir  temp folder holding the profile, the workspace copy and the log
 * @property {string} workspace absolute path of the copied fixture workspace
 * @property {string} logFile   code-server's combined stdout and stderr
 * @property {(path: string) => string} remoteUri  `vscode-remote://` URI of a path on the server host
 * @property {(options?: { keepState?: boolean }) => Promise<void>} stop  ends the process group
 */

/**
 * Starts code-server with a fresh profile and a copy of `fixtureDir` as its workspace, and waits
 * until `/healthz` answers.
 * @param {{ fixtureDir: string, env?: NodeJS.ProcessEnv, settings?: Record<string, unknown>, healthTimeoutMs?: number }} options
 * @returns {Promise<RunningCodeServer>}
 */
export async function startCodeServer({ fixtureDir, env = {}, settings = {}, healthTimeoutMs = 60_000 }) {
  const stateDir = mkdtempSync(join(tmpdir(), 'carnk-e2e-'));
  const workspace = join(stateDir, 'workspace');
  cpSync(fixtureDir, workspace, { recursive: true });
  mkdirSync(join(stateDir, 'user-data', 'User'), { recursive: true });
  writeFileSync(join(stateDir, 'user-data', 'User', 'settings.json'), JSON.stringify({ ...TEST_USER_SETTINGS, ...settings }, null, 2));
  writeFileSync(join(stateDir, 'config.yaml'), 'auth: none\n');

  const port = await findFreePort();
  const logFile = join(stateDir, 'code-server.log');
  const log = createWriteStream(logFile);
  const child = spawn(
    CODE_SERVER_BIN,
    [
      '--config', join(stateDir, 'config.yaml'),
      '--user-data-dir', join(stateDir, 'user-data'),
      '--extensions-dir', join(stateDir, 'extensions'),
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
    ],
    {
      detached: true, // own process group: the extension host and our language server are in it
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...env,
        // An empty gallery keeps code-server from trying to reach open-vsx.org.
        EXTENSIONS_GALLERY: '{"serviceUrl":""}',
        // Without these, code-server writes ~/.config/code-server and ~/.local/share/code-server.
        XDG_CONFIG_HOME: join(stateDir, 'xdg', 'config'),
        XDG_DATA_HOME: join(stateDir, 'xdg', 'data'),
        XDG_CACHE_HOME: join(stateDir, 'xdg', 'cache'),
      },
    },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise((resolve) => child.once('exit', resolve));

  const stop = async ({ keepState = false } = {}) => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // The group is already gone.
      }
      const killTimer = setTimeout(() => {
        try {
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Gone in the meantime.
        }
      }, 5_000);
      await exited;
      clearTimeout(killTimer);
    }
    log.end();
    if (!keepState) rmSync(stateDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(port, healthTimeoutMs, () => child.exitCode !== null);
  } catch (error) {
    await stop({ keepState: true });
    throw new Error(`${/** @type {Error} */ (error).message}\n--- code-server log (${logFile}) ---\n${tail(logFile)}`);
  }
  return { port, stateDir, workspace, logFile, remoteUri: (path) => `vscode-remote://127.0.0.1:${port}${path}`, stop };
}

/** Last lines of a log file, for failure messages. */
export function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Asks the OS for an unused loopback port. */
function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls GET /healthz every 100 ms until it returns 200, the process dies, or time runs out. */
async function waitForHealth(port, timeoutMs, hasExited) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error('code-server exited before it became healthy');
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`code-server did not answer /healthz within ${timeoutMs / 1000} s`);
}
