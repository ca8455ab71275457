/**
 * The service and settings `carnk` checks a file with: the project context of its `.carnkrc`
 * and glossaries under the command-line flags, the services created on first use.
 */
import { Option } from 'commander';
import type { ChaptersMode } from '../node/bookAnalysis';
import { GlossaryServices, layerSettings } from '../node/analysisContext';
import { projectContextFor } from '../node/projectFiles';
import { createTerminologyService, type AnalysisSettings, type ProjectSettings, type SeveritySetting, type TerminologyService } from '../service/index';
import { SETTINGS } from '../service/config/settingsTable';

/** The options every checking command takes. */
export interface CommonOptions {
  scopes?: 'journal' | 'document';
  /** Books: definitions carry over chapters (`continue`) or start again in each (`reset`). */
  chapters?: ChaptersMode;
  spelling?: 'en-US' | 'en-GB';
  /** Journals that want every symbol defined (`--define-gene-symbols`). */
  defineGeneSymbols?: boolean;
  /** Journals that want each legend to stand alone (`--define-in-legends`). */
  defineInLegends?: boolean;
  /** Journals that want software and databases spelled out (`--define-tool-names`). */
  defineToolNames?: boolean;
  rule?: Record<string, SeveritySetting>;
  glossary?: string[];
  config: boolean;
}

// Created on first use: building the knowledge base is a large part of start-up, and
// `carnk --version`, `--help` or a usage error never need it.
let base: TerminologyService | undefined;
let services: GlossaryServices | undefined;
/** The service over the built-in knowledge base, created on first use. */
export function baseService(): TerminologyService {
  base ??= createTerminologyService({
    onError: (error, context) => process.stderr.write(`carnk: internal error in ${context}: ${String(error)}\n`),
  });
  return base;
}
function glossaryServices(): GlossaryServices {
  services ??= new GlossaryServices(baseService());
  return services;
}
const reportedProblems = new Set<string>();

/**
 * The service and settings for one file. Precedence: command-line flags > the nearest
 * `.carnkrc` > defaults (front matter and inline comments are applied by the service).
 * Problems in configuration or glossary files are printed once each, and linting goes on.
 */
export function contextFor(file: string, options: CommonOptions): { service: TerminologyService; settings: AnalysisSettings } {
  const project = options.config
    ? projectContextFor(file === '-' ? undefined : file, options.glossary ?? [])
    : projectContextFor(undefined, options.glossary ?? [], process.cwd(), { searchUpwards: false });
  for (const problem of project.problems) {
    if (reportedProblems.has(problem.message)) continue;
    reportedProblems.add(problem.message);
    process.stderr.write(`carnk: ${problem.message}\n`);
  }
  return { service: glossaryServices().serviceFor(project), settings: layerSettings([project.settings, flagSettings(options)]) };
}

/** The settings the command line gives, by setting name: each setting of the table with a flag, where the flag was given. */
export function flagSettings(options: CommonOptions): ProjectSettings {
  const given: Record<string, unknown> = {};
  for (const setting of SETTINGS) {
    if (!setting.cli) continue;
    const value = (options as unknown as Record<string, unknown>)[new Option(setting.cli.flags).attributeName()];
    if (value !== undefined) given[setting.name] = value;
  }
  return given as ProjectSettings;
}
