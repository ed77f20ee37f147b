#!/usr/bin/env node
// Runs a TypeScript file (e.g. the benchmarks) through tsx: `node bin/run-ts.js bench/run.ts [args]`.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { register } from 'tsx/esm/api';

register();
const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error('usage: run-ts FILE [ARGS]');
  process.exit(2);
}
process.argv = [process.argv[0], path.resolve(file), ...rest];
await import(pathToFileURL(path.resolve(file)).href);
