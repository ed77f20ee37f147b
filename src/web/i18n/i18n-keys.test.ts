import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errorCatalog } from '../../contracts/errors.ts';
import { type Messages, messages } from './messages.ts';

type Tree = Messages;

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('web i18n', () => {
  const zh = new Set(keys(messages['zh-CN']));
  const english = new Set(keys(messages.en));

  it('has every key in both zh-CN and en', () => {
    expect([...zh].filter((k) => !english.has(k))).toEqual([]);
    expect([...english].filter((k) => !zh.has(k))).toEqual([]);
  });

  it('translates every error code the server can answer with (ErrorAlert shows errors.<code>)', () => {
    const codes = Object.keys(errorCatalog);
    expect(codes.filter((c) => !zh.has(`errors.${c}`))).toEqual([]);
    expect(codes.filter((c) => !english.has(`errors.${c}`))).toEqual([]);
  });

  it('defines every literal key the code passes to t()', () => {
    const webRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
    const used = sourceFiles(webRoot).flatMap((f) =>
      [...fs.readFileSync(f, 'utf8').matchAll(/\bt\('([a-zA-Z]+\.[a-zA-Z.]+)'/g)].map((m) => m[1] as string),
    );
    // Plural keys are stored with their suffix (_one/_other).
    const missing = [...new Set(used)].filter((k) => !zh.has(k) && !zh.has(`${k}_other`));
    expect(missing).toEqual([]);
  });
});
