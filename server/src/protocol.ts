/**
 * Names and shapes shared by the client and the server. Custom LSP methods are
 * named `carnk/...` and declared only here.
 */

/** The configuration section the extension contributes and the server reads. */
export const CONFIGURATION_SECTION = 'carnk';

/** Settings as the client stores them under `carnk.*`. */
export interface CarnkSettings {
  /** `journal` (abstract, main text, legends apart) or `document`. */
  scopes: 'journal' | 'document';
  /** Severity per rule id. */
  rules: Record<string, 'off' | 'hint' | 'information' | 'warning' | 'error'>;
  /** Milliseconds to wait after a keystroke before re-linting. */
  debounceMs: number;
}

/** Defaults when the client sends nothing (or something malformed). */
export const DEFAULT_SETTINGS: CarnkSettings = { scopes: 'journal', rules: {}, debounceMs: 200 };

/** The diagnostic source every carnk diagnostic carries. */
export const DIAGNOSTIC_SOURCE = 'carnk';
