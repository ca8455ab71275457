/**
 * What the CLI and the language server share when they prepare a document for the service:
 * settings layered in the documented order, and one service per set of project glossaries.
 */
import type { AnalysisSettings, ProjectSettings, TerminologyService } from '../service/index';
import type { ProjectContext } from './projectFiles';

/**
 * Settings for one document: `base` (editor settings, or nothing on the command line), then
 * the project's `.carnkrc`, then `overrides` (command-line flags). Rule severities merge by
 * id; abbreviations needing no definition add up. Front matter and inline comments come on
 * top inside the service.
 */
export function layerSettings(base: AnalysisSettings, project: ProjectSettings, overrides: AnalysisSettings = {}): AnalysisSettings {
  const layered: AnalysisSettings = { rules: { ...base.rules, ...project.rules, ...overrides.rules } };
  const scopeMode = overrides.scopeMode ?? project.scopes ?? base.scopeMode;
  if (scopeMode) layered.scopeMode = scopeMode;
  const spelling = overrides.spelling ?? project.spelling ?? base.spelling;
  if (spelling) layered.spelling = spelling;
  const noDefinition = [...(base.noDefinition ?? []), ...(project.noDefinition ?? []), ...(overrides.noDefinition ?? [])];
  if (noDefinition.length > 0) layered.noDefinition = noDefinition;
  const defineGeneSymbols = overrides.defineGeneSymbols ?? project.defineGeneSymbols ?? base.defineGeneSymbols;
  if (defineGeneSymbols !== undefined) layered.defineGeneSymbols = defineGeneSymbols;
  const defineInLegends = overrides.defineInLegends ?? project.defineInLegends ?? base.defineInLegends;
  if (defineInLegends !== undefined) layered.defineInLegends = defineInLegends;
  return layered;
}

/** Services over the built-in terms plus each project's glossaries, built once per glossary set and content. */
export class GlossaryServices {
  private readonly byFiles = new Map<string, { entries: readonly unknown[]; service: TerminologyService }>();

  constructor(private readonly base: TerminologyService) {}

  /** The service for a document's project: the base one when it has no glossary. */
  serviceFor(project: ProjectContext): TerminologyService {
    if (project.glossaryEntries.length === 0) return this.base;
    const key = project.glossaryFiles.join('\u0000');
    const cached = this.byFiles.get(key);
    // Glossary files are parsed once per modification time, so unchanged entries are the same objects.
    if (cached && cached.entries.length === project.glossaryEntries.length && cached.entries.every((e, i) => e === project.glossaryEntries[i])) return cached.service;
    const service = this.base.withGlossary(project.glossaryEntries);
    this.byFiles.set(key, { entries: [...project.glossaryEntries], service });
    return service;
  }
}
