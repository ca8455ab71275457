#!/usr/bin/env node
/** Entry point of `carnk-language-server`: creates the connection (stdio, IPC or socket, from argv) and starts the server. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../serverStart';
import { nodeHost } from './nodeHost';

if (process.argv.includes('--version')) {
  process.stdout.write(`${typeof __CARNK_VERSION__ === 'string' ? __CARNK_VERSION__ : '0.0.0-dev'}\n`);
} else {
  const connection = createConnection(ProposedFeatures.all);
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  startServer(connection, nodeHost);
}

declare const __CARNK_VERSION__: string;
