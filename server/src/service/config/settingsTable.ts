/**
 * Every setting once: its name, type, default, command-line option, and whether a project may
 * give it. The layers read this table: the editor's validation (`server/src/settings.ts`) and
 * defaults (`server/src/protocol.ts`), `.carnkrc` and front-matter validation
 * (`projectConfig.ts`), the CLI's options, and `layerSettings` below, the one layering of
 * editor < `.carnkrc` < command-line flags < front matter. `package.json` contributes the
 * editor settings; a test holds it to this table. Adding a setting is a row here plus its use.
 */
import type { AnalysisSettings } from '../types';
import type { ProjectSettings } from './projectConfig';

/** What a setting's value is: one of some strings, true or false, a number in a range, a list of strings, or severities by rule id. */
export type SettingType =
  | { kind: 'choice'; values: readonly string[] }
  | { kind: 'boolean' }
  | { kind: 'number'; min: number; max: number }
  | { kind: 'strings' }
  | { kind: 'severities' };

/** The service settings (`AnalysisSettings`) a setting can feed. */
export type AnalysisField = 'scopeMode' | 'rules' | 'spelling' | 'noDefinition' | 'defineGeneSymbols' | 'defineInLegends' | 'defineToolNames';

/** One setting. */
export interface SettingDefinition {
  /** The name under `carnk.` in the editor, and the key in `.carnkrc` and in the front matter's `carnk:`. */
  name: string;
  type: SettingType;
  /** The value when nothing gives one (the editor's default). */
  default: unknown;
  /** Whether `.carnkrc` and front matter may give it; otherwise it is an editor setting only. */
  project: boolean;
  /** The service setting it feeds, when it feeds one: layered by `layerSettings`. */
  analysis?: AnalysisField;
  /** The command-line option, as commander takes its flags, and its help text. */
  cli?: { flags: string; description: string };
}

/** The severities a rule may be set to. */
export const SEVERITY_NAMES: readonly string[] = ['off', 'hint', 'information', 'warning', 'error'];

/**
 * The settings, in the order `.carnkrc` problems name them. How layers combine follows the
 * type: severities merge by rule id, lists of strings add up, anything else the last layer
 * that gives it wins.
 */
export const SETTINGS: readonly SettingDefinition[] = [
  {
    name: 'scopes', type: { kind: 'choice', values: ['journal', 'document'] }, default: 'journal', project: true, analysis: 'scopeMode',
    cli: { flags: '--scopes <mode>', description: 'definition scopes: journal (abstract, main text, each legend apart) or document (default: journal, or .carnkrc)' },
  },
  {
    name: 'rules', type: { kind: 'severities' }, default: {}, project: true, analysis: 'rules',
    cli: { flags: '--rule <id=severity>', description: 'override a rule severity (repeatable)' },
  },
  {
    name: 'spelling', type: { kind: 'choice', values: ['en-US', 'en-GB'] }, default: 'en-US', project: true, analysis: 'spelling',
    cli: { flags: '--spelling <spelling>', description: 'spelling that fixes insert (default: en-US, or .carnkrc)' },
  },
  {
    name: 'glossaries', type: { kind: 'strings' }, default: [], project: true,
    cli: { flags: '--glossary <file>', description: 'a project glossary (.yaml or .json; repeatable)' },
  },
  { name: 'noDefinition', type: { kind: 'strings' }, default: [], project: true, analysis: 'noDefinition' },
  {
    name: 'chapters', type: { kind: 'choice', values: ['continue', 'reset'] }, default: 'continue', project: true,
    cli: { flags: '--chapters <mode>', description: 'books: definitions hold for the rest of the book (continue) or each chapter defines again (reset) (default: continue, or .carnkrc)' },
  },
  {
    name: 'defineGeneSymbols', type: { kind: 'boolean' }, default: false, project: true, analysis: 'defineGeneSymbols',
    cli: { flags: '--define-gene-symbols', description: 'for journals that want every symbol defined: an undefined standard gene symbol is a warning (default: information, or .carnkrc)' },
  },
  {
    name: 'defineInLegends', type: { kind: 'boolean' }, default: false, project: true, analysis: 'defineInLegends',
    cli: {
      flags: '--define-in-legends',
      description: 'for journals that want each legend to stand alone: a legend using an abbreviation only the main text defines is a warning (default: information, or .carnkrc)',
    },
  },
  {
    name: 'defineToolNames', type: { kind: 'boolean' }, default: false, project: true, analysis: 'defineToolNames',
    cli: {
      flags: '--define-tool-names',
      description: 'for journals that want software and databases spelled out: capitals the text names as a tool are a warning when undefined (default: not reported, or information where only suggested; or .carnkrc)',
    },
  },
  { name: 'abbreviationListFormat', type: { kind: 'choice', values: ['table', 'paragraph'] }, default: 'table', project: false },
  { name: 'debounceMs', type: { kind: 'number', min: 0, max: 10_000 }, default: 200, project: false },
  { name: 'maxFileSize', type: { kind: 'number', min: 1_000, max: 1_000_000_000 }, default: 5_000_000, project: false },
  {
    name: 'maxProblems', type: { kind: 'number', min: 0, max: 1_000_000 }, default: 1000, project: false,
    cli: { flags: '--max-problems <n>', description: 'print at most this many problems per file, the first in document order (the exit code still counts all)' },
  },
];

/** The setting named `name`, or undefined. */
export function settingNamed(name: string): SettingDefinition | undefined {
  return SETTINGS.find((setting) => setting.name === name);
}

/** The default of every setting, as fresh values (lists and objects are not shared between calls). */
export function settingDefaults(): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const setting of SETTINGS) {
    const value = setting.default;
    defaults[setting.name] = Array.isArray(value) ? [...value] : typeof value === 'object' && value !== null ? { ...value } : value;
  }
  return defaults;
}

/** The value of setting `name` from the last of `layers` that gives it (later layers win), else its default. */
export function layeredValue<K extends keyof ProjectSettings>(name: K, layers: readonly ProjectSettings[]): NonNullable<ProjectSettings[K]> {
  for (let i = layers.length - 1; i >= 0; i--) {
    const value = layers[i]![name];
    if (value !== undefined) return value;
  }
  return settingNamed(name)!.default as NonNullable<ProjectSettings[K]>;
}

/**
 * The service settings after `layers` (settings by name: editor settings, `.carnkrc`, flags as
 * settings, front matter; later wins) over `base`, whose other fields (a book context) are kept.
 * Rule severities merge by id; lists of abbreviations needing no definition add up (set only
 * when not empty); any other setting is the last one given.
 */
export function layerSettings(layers: readonly ProjectSettings[], base: AnalysisSettings = {}): AnalysisSettings {
  const layered: AnalysisSettings = { ...base };
  const fields = layered as Record<string, unknown>;
  for (const setting of SETTINGS) {
    const field = setting.analysis;
    if (!field) continue;
    const values = layers.map((layer) => (layer as Record<string, unknown>)[setting.name]).filter((value) => value !== undefined);
    if (values.length === 0) continue;
    if (setting.type.kind === 'severities') fields[field] = Object.assign({}, base.rules, ...(values as object[]));
    else if (setting.type.kind === 'strings') {
      const all = [...((fields[field] as string[] | undefined) ?? []), ...(values as string[][]).flat()];
      if (all.length > 0) fields[field] = all;
    } else fields[field] = values[values.length - 1];
  }
  return layered;
}
