/**
 * What the CLI and the language server share when they prepare a document for the service:
 * one service per set of project glossaries. Settings are layered by the service's settings
 * table (`layerSettings`, re-exported here for the adapters).
 */
import type { TerminologyService } from '../service/index';
import type { ProjectContext } from './projectFiles';

export { layeredValue, layerSettings } from '../service/config/settingsTable';

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
