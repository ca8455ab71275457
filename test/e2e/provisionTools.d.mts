// Types for test/e2e/provisionTools.mjs, so TypeScript tests can import it.

/** Repository root (the extension's development path). */
export const EXTENSION_ROOT: string;
/** Folder that holds the E2E tools and their node_modules. */
export const TOOLS_DIR: string;
/** Pinned tool versions. */
export const TOOL_VERSIONS: { 'code-server': string; 'playwright-core': string };
/** Chromium from Debian. */
export const CHROMIUM_PATH: string;
/** The code-server launcher inside the tools folder. */
export const CODE_SERVER_BIN: string;

/** Makes sure the E2E tools are installed. */
export function provisionE2eTools(options?: { log?: (line: string) => void }): { ok: true; installedNow: boolean } | { ok: false; reason: string };

/** Installs Debian packages with apt-get, as root or through `sudo -n`. */
export function installDebianPackages(packages: string[]): { ok: true } | { ok: false; reason: string };
