import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Hover } from 'vscode-languageserver-types';
import { startTestServer, type TestServer } from '../helpers/lspClient';

const URI = 'file:///manuscript.md';
const TEXT = 'ADCC kills targets. Later, antibody-dependent cellular cytotoxicity (ADCC) was measured.\n';

describe('language server over stdio', { timeout: 20_000 }, () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ debounceMs: 0 });
  });
  after(async () => {
    await server.stop();
  });

  test('publishes diagnostics with source, code and data on open', async () => {
    const published = server.nextDiagnostics(URI, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'markdown', version: 1, text: TEXT } });
    const { diagnostics } = await published;
    assert.equal(diagnostics.length, 1);
    const [d] = diagnostics;
    assert.equal(d!.source, 'carnk');
    assert.equal(d!.code, 'used-before-definition');
    assert.deepEqual(d!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } });
    assert.equal((d!.data as { key: string }).key, 'ADCC');
    assert.equal((d!.data as { fixes?: unknown }).fixes, undefined, 'fixes are code actions, asked for when needed, not part of each notification');
    const actions = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: URI }, range: d!.range, context: { diagnostics: [d] } })) as { title: string }[];
    assert.ok(
      actions.some((action) => /Move the definition of 'ADCC'/u.test(action.title)),
      actions.map((action) => action.title).join('; '),
    );
  });

  test('incremental change re-lints', async () => {
    const published = server.nextDiagnostics(URI, 2);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 19 } }, text: 'Targets were killed.' }],
    });
    assert.deepEqual(
      (await published).diagnostics.map((d) => d.code),
      ['unused-abbreviation'],
      'the first use is gone: only the definition is left, never used',
    );
  });

  test('hover on an abbreviation shows the document definition', async () => {
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 70 } })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /ADCC/);
    assert.match(value, /antibody-dependent cellular cytotoxicity/);
    assert.match(value, /line 1/);
  });

  test('configuration change applies live and re-lints open documents', async () => {
    const uri = 'file:///other.md';
    const opened = server.nextDiagnostics(uri, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: 'We measured GMP.' } });
    assert.equal((await opened).diagnostics[0]?.severity, 2, 'warning by default');

    server.settings = { debounceMs: 0, rules: { 'undefined-abbreviation': 'error' } };
    const relinted = server.nextDiagnostics(uri, 1, (p) => p.diagnostics[0]?.severity === 1);
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.equal((await relinted).diagnostics[0]?.code, 'undefined-abbreviation', 'error after the change');
  });

  test('malformed settings keep the server running with defaults', async () => {
    const uri = 'file:///other.md';
    server.settings = { rules: 'everything', scopes: 42, debounceMs: 'soon' } as unknown as Record<string, unknown>;
    const relinted = server.nextDiagnostics(uri, 1, (p) => p.diagnostics[0]?.severity === 2);
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const { diagnostics } = await relinted;
    assert.equal(diagnostics[0]?.code, 'undefined-abbreviation');
    assert.equal(diagnostics[0]?.severity, 2, 'default warning severity');
  });
});

// Issue 16: bounded output. The editor shows at most carnk.maxProblems problems per document.
describe('carnk.maxProblems', { timeout: 20_000 }, () => {
  let server: TestServer;
  const uri = 'file:///many.md';
  // Forty undefined abbreviations, one per sentence, all made up.
  const text = Array.from({ length: 40 }, (_, i) => `We measured QZ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}X here.`).join(' ') + '\n';
  before(async () => {
    server = await startTestServer({ debounceMs: 0, maxProblems: 10 });
  });
  after(async () => {
    await server.stop();
  });

  test('the first problems in document order are shown, and 0 shows all', async () => {
    // The settings are pulled after initialisation: wait for the publish that applies them.
    const opened = server.nextDiagnostics(uri, 1, (p) => p.diagnostics.length <= 10);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const first = (await opened).diagnostics;
    assert.equal(first.length, 10);
    assert.deepEqual(first.map((d) => d.range.start.character), [...first.map((d) => d.range.start.character)].sort((a, b) => a - b));
    assert.equal(first[0]!.range.start.character, 12, 'the first use in the text comes first');

    server.settings = { debounceMs: 0, maxProblems: 0 };
    const relinted = server.nextDiagnostics(uri, 1, (p) => p.diagnostics.length > 10);
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.equal((await relinted).diagnostics.length, 40);
  });
});

// Issue 16: a problem in a `.carnkrc` file is an `invalid-configuration` diagnostic at the
// severity the rule table and the settings give it, as the book's own problems are.
describe('problems in .carnkrc files', { timeout: 20_000 }, () => {
  let server: TestServer;
  let folder: string;
  before(async () => {
    server = await startTestServer({ debounceMs: 0 });
    folder = mkdtempSync(join(tmpdir(), 'carnk-rc-'));
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const carnkrcDiagnostics = async (name: string, carnkrc: string) => {
    mkdirSync(join(folder, name));
    const rc = join(folder, name, '.carnkrc.yaml');
    writeFileSync(rc, carnkrc);
    const published = server.nextDiagnostics(pathToFileURL(rc).href);
    const uri = pathToFileURL(join(folder, name, 'paper.md')).href;
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: 'Natural killer (NK) cells.\n' } });
    return (await published).diagnostics;
  };

  test('at the rule default, warning', async () => {
    const diagnostics = await carnkrcDiagnostics('default', 'rules:\n  bogus-rule: warning\n');
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.range.start.line]), [['invalid-configuration', 2, 1]]);
    assert.match(diagnostics[0]!.message, /unknown rule 'bogus-rule'/);
  });

  test('at the severity the .carnkrc gives invalid-configuration', async () => {
    const diagnostics = await carnkrcDiagnostics('error', 'rules:\n  invalid-configuration: error\n  bogus-rule: warning\n');
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['invalid-configuration', 1]]);
  });

  test('none when invalid-configuration is off', async () => {
    const diagnostics = await carnkrcDiagnostics('off', 'rules:\n  invalid-configuration: off\n  bogus-rule: warning\n');
    assert.deepEqual(diagnostics, []);
  });
});
