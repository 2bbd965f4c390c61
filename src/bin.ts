#!/usr/bin/env node
import { main } from './cli.js';

const code = await main(process.argv);
process.exitCode = code;
// Everything closes its sockets; this guard only keeps a stuck third-party handle from holding the shell.
setTimeout(() => process.exit(code), 3000).unref();
