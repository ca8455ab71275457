import { readFileSync } from 'node:fs';
import { createTerminologyService } from '../server/src/service/index';
const text = readFileSync('/tmp/s26/tab.md', 'utf8');
const m = createTerminologyService().model({ uri: 't.md', version: 1, text });
for (const b of m.prose.blocks) console.log(b.kind, b.region.kind, JSON.stringify(text.slice(b.start, b.end)));
