import { DEFAULT_SETTINGS, type CarnkSettings } from './protocol';

const SEVERITIES = new Set(['off', 'hint', 'information', 'warning', 'error']);

/**
 * Reads settings as sent by any client, keeping each valid field and reporting each
 * invalid one, so one typo never switches the whole extension off.
 */
export function readSettings(raw: unknown): { settings: CarnkSettings; problems: string[] } {
  const settings: CarnkSettings = { ...DEFAULT_SETTINGS, rules: {} };
  const problems: string[] = [];
  if (raw === null || raw === undefined) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(`carnk settings must be an object, got ${JSON.stringify(raw)}; using the defaults`);
    return { settings, problems };
  }
  const value = raw as Record<string, unknown>;
  if (value.scopes !== undefined) {
    if (value.scopes === 'journal' || value.scopes === 'document') settings.scopes = value.scopes;
    else problems.push(`carnk.scopes must be "journal" or "document", got ${JSON.stringify(value.scopes)}`);
  }
  if (value.debounceMs !== undefined) {
    if (typeof value.debounceMs === 'number' && Number.isFinite(value.debounceMs) && value.debounceMs >= 0 && value.debounceMs <= 10_000) settings.debounceMs = value.debounceMs;
    else problems.push(`carnk.debounceMs must be a number from 0 to 10000, got ${JSON.stringify(value.debounceMs)}`);
  }
  if (value.rules !== undefined) {
    if (typeof value.rules === 'object' && value.rules !== null && !Array.isArray(value.rules)) {
      for (const [id, severity] of Object.entries(value.rules)) {
        if (typeof severity === 'string' && SEVERITIES.has(severity)) settings.rules[id] = severity as CarnkSettings['rules'][string];
        else problems.push(`carnk.rules.${id} must be one of off, hint, information, warning, error; got ${JSON.stringify(severity)}`);
      }
    } else {
      problems.push(`carnk.rules must be an object of rule ids to severities, got ${JSON.stringify(value.rules)}`);
    }
  }
  return { settings, problems };
}
