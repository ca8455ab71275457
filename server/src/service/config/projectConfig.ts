import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { RULES, type SeveritySetting } from '../rules/ruleTable';
import type { Spelling } from '../rules/types';
import { SETTINGS, SEVERITY_NAMES, settingNamed, type SettingType } from './settingsTable';

/** Settings a project file (`.carnkrc.json` / `.carnkrc.yaml`) or front matter (`carnk:`) may give: the settings table's with `project` set. */
export interface ProjectSettings {
  scopes?: 'journal' | 'document';
  rules?: Record<string, SeveritySetting>;
  spelling?: Spelling;
  /** Glossary files, relative to the configuration file. */
  glossaries?: string[];
  /** Extra abbreviations that need no definition in this project. */
  noDefinition?: string[];
  /** Multi-file projects: `continue` (default) or `reset` definitions per chapter. */
  chapters?: 'continue' | 'reset';
  /** Journals that want every symbol defined: undefined standard gene symbols are warnings, not information. */
  defineGeneSymbols?: boolean;
  /** Journals that want each legend to stand alone: a legend's use of what only the main text defines is a warning. */
  defineInLegends?: boolean;
  /** Journals that want software and databases spelled out: capitals the text names as a tool are reported undefined. */
  defineToolNames?: boolean;
}

/** A problem in a configuration, positioned on the offending value (0-based). */
export interface ConfigProblem {
  message: string;
  line: number;
  character: number;
}

const PROJECT_SETTING_NAMES = SETTINGS.filter((setting) => setting.project).map((setting) => setting.name);
const RULE_IDS = new Set<string>(RULES.map((rule) => rule.id));

type Path = (string | number)[];

/**
 * Validates a plain configuration value field by field: valid fields are kept, each invalid
 * one yields a problem (via `report`) and is dropped, so defaults go on. The fields are the
 * settings table's that a project may give.
 */
export function validateProjectSettings(value: unknown, report: (path: Path, message: string) => void): ProjectSettings {
  const settings: ProjectSettings = {};
  if (value === undefined || value === null) return settings;
  if (typeof value !== 'object' || Array.isArray(value)) {
    report([], `expected an object of settings, got ${describe(value)}`);
    return settings;
  }
  const fields = settings as Record<string, unknown>;
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    const setting = settingNamed(key);
    if (!setting?.project) {
      report([key], `unknown setting '${key}' (known: ${PROJECT_SETTING_NAMES.join(', ')})`);
      continue;
    }
    const checked = checkProjectSetting(key, setting.type, field, report);
    if (checked !== undefined) fields[key] = checked;
  }
  return settings;
}

/** One project setting's value checked against its type: the value to keep, or undefined after reporting why not. */
function checkProjectSetting(key: string, type: SettingType, field: unknown, report: (path: Path, message: string) => void): unknown {
  switch (type.kind) {
    case 'choice':
      if (type.values.includes(field as string)) return field;
      report([key], `'${key}' must be ${type.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${describe(field)}`);
      return undefined;
    case 'boolean':
      if (typeof field === 'boolean') return field;
      report([key], `'${key}' must be true or false, got ${describe(field)}`);
      return undefined;
    case 'strings': {
      const list = typeof field === 'string' ? [field] : field;
      if (Array.isArray(list) && list.every((item) => typeof item === 'string')) return list;
      report([key], `'${key}' must be a list of strings, got ${describe(field)}`);
      return undefined;
    }
    case 'severities':
      return checkRuleSeverities(key, field, report);
    case 'number':
      if (typeof field === 'number' && Number.isFinite(field) && field >= type.min && field <= type.max) return field;
      report([key], `'${key}' must be a number from ${type.min} to ${type.max}, got ${describe(field)}`);
      return undefined;
  }
}

/** Severities by rule id: known ids with a valid severity are kept, each other one reported. */
function checkRuleSeverities(key: string, field: unknown, report: (path: Path, message: string) => void): Record<string, SeveritySetting> | undefined {
  if (!field || typeof field !== 'object' || Array.isArray(field)) {
    report([key], `'rules' must map rule ids to severities, got ${describe(field)}`);
    return undefined;
  }
  const rules: Record<string, SeveritySetting> = {};
  for (const [id, severity] of Object.entries(field as Record<string, unknown>)) {
    if (!RULE_IDS.has(id)) report([key, id], `unknown rule '${id}' (known: ${[...RULE_IDS].join(', ')})`);
    else if (typeof severity === 'string' && SEVERITY_NAMES.includes(severity)) rules[id] = severity as SeveritySetting;
    else report([key, id], `severity of '${id}' must be one of ${SEVERITY_NAMES.join(', ')}, got ${describe(severity)}`);
  }
  return rules;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return JSON.stringify(value) ?? String(value);
}

/** Offset of the node at `path` in a YAML document (falls back to the nearest parent). */
function offsetOf(doc: Document, path: Path): number {
  let node: unknown = doc.contents;
  let offset = (doc.contents as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
      if (!pair) break;
      const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
      const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
      offset = valueRange?.[0] ?? keyRange?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as { range?: [number, number, number] } | undefined;
      offset = item?.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

/**
 * Parses a project configuration (`.carnkrc.json`, `.carnkrc.yaml`, `.carnkrc`): YAML, which
 * also reads JSON. Never throws; a syntax error or an invalid field gives one message with the
 * file name and the 1-based line, and the rest of the settings still apply.
 */
export function parseProjectConfig(text: string, fileName: string): { settings: ProjectSettings; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  try {
    const source = text.replace(/^\uFEFF/, '');
    const lineCounter = new LineCounter();
    const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: false });
    const at = (offset: number, message: string): ConfigProblem => {
      const { line, col } = lineCounter.linePos(offset);
      return { message: `${fileName}:${line}: ${message}`, line: line - 1, character: col - 1 };
    };
    const syntax = doc.errors[0];
    if (syntax) {
      problems.push(at(syntax.pos[0], `syntax error: ${syntax.message.split('\n')[0]}`));
      return { settings: {}, problems };
    }
    const settings = validateProjectSettings(doc.toJS(), (path, message) => problems.push(at(offsetOf(doc, path), message)));
    return { settings, problems };
  } catch (error) {
    problems.push({ message: `${fileName}:1: could not be read (${error instanceof Error ? error.message : String(error)})`, line: 0, character: 0 });
    return { settings: {}, problems };
  }
}
