import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { webDist } from '../src/server/plugins/web.ts';

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
const gz = (file: string) => gzipSync(fs.readFileSync(path.join(webDist, file)), { level: 9 }).length;

/**
 * Sizes of the built web bundle, gzipped: all JavaScript, the JavaScript a first visit loads (the entry script and
 * its modulepreloads in index.html, before any lazy page), and CSS.
 */
export function webBundleSizes(): { totalJsGzipKB: number; initialJsGzipKB: number; cssGzipKB: number; jsFiles: number } {
  const assets = fs.readdirSync(path.join(webDist, 'assets'));
  const js = assets.filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  const css = assets.filter((f) => f.endsWith('.css')).map((f) => `assets/${f}`);
  const html = fs.readFileSync(path.join(webDist, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  const sum = (files: string[]) => files.reduce((s, f) => s + gz(f), 0);
  return { totalJsGzipKB: kb(sum(js)), initialJsGzipKB: kb(sum(initial)), cssGzipKB: kb(sum(css)), jsFiles: js.length };
}
