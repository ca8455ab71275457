import { SETTINGS, SEVERITY_NAMES, settingDefaults, type SettingType } from './service/config/settingsTable';
import type { CarnkSettings } from './protocol';

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Checks one editor setting's value against its type: the value to keep, or the problem to report. */
function checkEditorSetting(key: string, type: Exclude<SettingType, { kind: 'severities' }>, value: unknown): { value: unknown } | { problem: string } {
  switch (type.kind) {
    case 'choice':
      if (type.values.includes(value as string)) return { value };
      return { problem: `carnk.${key} must be one of ${type.values.map((a) => JSON.stringify(a)).join(', ')}; got ${JSON.stringify(value)}` };
    case 'number':
      if (typeof value === 'number' && Number.isFinite(value) && value >= type.min && value <= type.max) return { value };
      return { problem: `carnk.${key} must be a number from ${type.min} to ${type.max}, got ${JSON.stringify(value)}` };
    case 'boolean':
      if (typeof value === 'boolean') return { value };
      return { problem: `carnk.${key} must be true or false, got ${JSON.stringify(value)}` };
    case 'strings':
      if (isStringList(value)) return { value };
      return { problem: `carnk.${key} must be a list of strings, got ${JSON.stringify(value)}` };
  }
}

/** Rule severities as the editor sends them: each valid one kept, each invalid one reported. */
function readRuleSeverities(value: unknown, rules: CarnkSettings['rules'], problems: string[]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`carnk.rules must be an object of rule ids to severities, got ${JSON.stringify(value)}`);
    return;
  }
  for (const [id, severity] of Object.entries(value)) {
    if (typeof severity === 'string' && SEVERITY_NAMES.includes(severity)) rules[id] = severity as CarnkSettings['rules'][string];
    else problems.push(`carnk.rules.${id} must be one of ${SEVERITY_NAMES.join(', ')}; got ${JSON.stringify(severity)}`);
  }
}

/**
 * Reads settings as sent by any client, keeping each valid field and reporting each
 * invalid one, so one typo never switches the whole extension off. The fields and their
 * types are the settings table's (`server/src/service/config/settingsTable.ts`).
 */
export function readSettings(raw: unknown): { settings: CarnkSettings; problems: string[] } {
  const settings = settingDefaults() as unknown as CarnkSettings;
  const problems: string[] = [];
  if (raw === null || raw === undefined) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(`carnk settings must be an object, got ${JSON.stringify(raw)}; using the defaults`);
    return { settings, problems };
  }
  const value = raw as Record<string, unknown>;
  const fields = settings as unknown as Record<string, unknown>;
  for (const setting of SETTINGS) {
    const given = value[setting.name];
    if (given === undefined) continue;
    if (setting.type.kind === 'severities') {
      readRuleSeverities(given, settings.rules, problems);
      continue;
    }
    const checked = checkEditorSetting(setting.name, setting.type, given);
    if ('value' in checked) fields[setting.name] = checked.value;
    else problems.push(checked.problem);
  }
  return { settings, problems };
}
