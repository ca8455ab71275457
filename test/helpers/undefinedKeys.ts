import { createTerminologyService, type TerminologyService } from '../../server/src/service/index';

const builtin = createTerminologyService();

/** The text of every undefined-abbreviation diagnostic of `text`, in document order. */
export function undefinedKeys(text: string, service: TerminologyService = builtin, uri = 'test.md'): string[] {
  return service
    .lint({ uri, version: 1, text })
    .filter((d) => d.code === 'undefined-abbreviation')
    .map((d) => text.slice(d.start, d.end));
}

/** Every undefined-abbreviation diagnostic of `text` as `token severity`, in document order. */
export function undefinedWithSeverity(text: string, service: TerminologyService = builtin, uri = 'test.md'): string[] {
  return service
    .lint({ uri, version: 1, text })
    .filter((d) => d.code === 'undefined-abbreviation')
    .map((d) => `${text.slice(d.start, d.end)} ${d.severity}`);
}
