import { DEFAULT_SETTINGS, type CarnkSettings } from './protocol';

const SEVERITIES = new Set(['off', 'hint', 'information', 'warning', 'error']);

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/**
 * Reads settings as sent by any client, keeping each valid field and reporting each
 * invalid one, so one typo never switches the whole extension off.
 */
export function readSettings(raw: unknown): { settings: CarnkSettings; problems: string[] } {
  const settings: CarnkSettings = { ...DEFAULT_SETTINGS, rules: {}, glossaries: [], noDefinition: [] };
  const problems: string[] = [];
  if (raw === null || raw === undefined) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(`carnk settings must be an object, got ${JSON.stringify(raw)}; using the defaults`);
    return { settings, problems };
  }
  const value = raw as Record<string, unknown>;
  const choice = <K extends 'scopes' | 'spelling' | 'abbreviationListFormat' | 'chapters'>(key: K, allowed: readonly CarnkSettings[K][]): void => {
    if (value[key] === undefined) return;
    if ((allowed as unknown[]).includes(value[key])) settings[key] = value[key] as CarnkSettings[K];
    else problems.push(`carnk.${key} must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}; got ${JSON.stringify(value[key])}`);
  };
  choice('scopes', ['journal', 'document']);
  choice('spelling', ['en-US', 'en-GB']);
  choice('abbreviationListFormat', ['table', 'paragraph']);
  choice('chapters', ['continue', 'reset']);
  const number = (key: 'debounceMs' | 'maxFileSize' | 'maxProblems', min: number, max: number): void => {
    if (value[key] === undefined) return;
    const n = value[key];
    if (typeof n === 'number' && Number.isFinite(n) && n >= min && n <= max) settings[key] = n;
    else problems.push(`carnk.${key} must be a number from ${min} to ${max}, got ${JSON.stringify(n)}`);
  };
  number('debounceMs', 0, 10_000);
  number('maxFileSize', 1_000, 1_000_000_000);
  number('maxProblems', 0, 1_000_000);
  for (const key of ['defineGeneSymbols', 'defineInLegends'] as const) {
    if (value[key] === undefined) continue;
    if (typeof value[key] === 'boolean') settings[key] = value[key] as boolean;
    else problems.push(`carnk.${key} must be true or false, got ${JSON.stringify(value[key])}`);
  }
  for (const key of ['glossaries', 'noDefinition'] as const) {
    if (value[key] === undefined) continue;
    if (isStringList(value[key])) settings[key] = value[key] as string[];
    else problems.push(`carnk.${key} must be a list of strings, got ${JSON.stringify(value[key])}`);
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
