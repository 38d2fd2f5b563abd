#!/usr/bin/env node
// Thin launcher: runs the CLI from a cached plain-JavaScript bundle of src/ (cli-bundle.js) so a run carries no
// TypeScript loader; when no bundle can be built (or SNAPCRAWL_TSX=1), runs the TypeScript sources through tsx.
import { loadCliBundle } from './cli-bundle.js';

const bundle = process.env.SNAPCRAWL_TSX === '1' ? null : await loadCliBundle();
if (bundle) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
