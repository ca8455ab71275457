/**
 * Entry point of the language server in a browser web worker (VS Code for the Web): the
 * connection speaks over the worker's messages, and project files come from the client.
 * The knowledge base is bundled into this file (the service imports its JSON).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from '../serverStart';
import { createClientHost } from './clientHost';

// The worker's global scope; this project type-checks without the WebWorker library.
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
startServer(connection, createClientHost(connection));
