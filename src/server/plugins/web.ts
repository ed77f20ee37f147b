import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where Vite writes the web bundle (vite.config.ts). */
export const webDist = path.join(projectRoot, 'dist', 'web');

/** What the bundle is built from: when any of these is newer than dist/web/index.html, the bundle is stale. */
const webSources = ['src/web', 'src/contracts', 'vite.config.ts', 'package.json'].map((p) => path.join(projectRoot, p));

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** True when the web bundle is missing or older than its sources. */
export function isWebBundleStale(): boolean {
  const index = path.join(webDist, 'index.html');
  if (!fs.existsSync(index)) return true;
  const built = fs.statSync(index).mtimeMs;
  return webSources.some((s) => newestMtime(s) > built);
}

/**
 * Builds the web app with Vite when its bundle is missing or stale (what `npm start` does before listening).
 * Returns whether it built. Vite is loaded only when needed, so a fresh bundle costs nothing at start-up.
 */
export async function buildWebIfStale(note: (text: string) => void = () => {}): Promise<boolean> {
  if (!isWebBundleStale()) return false;
  note('正在构建网页界面… building the web app (vite)');
  const started = Date.now();
  const { build } = await import('vite');
  // A production bundle even when called under a test runner (NODE_ENV=test would select React's dev build).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(projectRoot, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  note(`网页界面已构建 (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return true;
}

/**
 * Serves the built web app: hashed assets with a year-long immutable cache, index.html with `no-store` (so a new
 * release is picked up at once), and index.html for every other non-/api GET (the SPA's client-side routes).
 * Without a bundle (e.g. in API tests) it registers nothing.
 */
export async function registerWeb(app: FastifyInstance): Promise<void> {
  const index = path.join(webDist, 'index.html');
  if (!fs.existsSync(index)) return;
  await app.register(fastifyStatic, {
    root: webDist,
    prefix: '/',
    wildcard: false,
    index: false,
    setHeaders(reply, file) {
      const hashed = file.includes(`${path.sep}assets${path.sep}`);
      reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-store');
    },
  });
  const sendIndex = (_req: unknown, reply: import('fastify').FastifyReply) =>
    reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(fs.createReadStream(index));
  app.get('/', { schema: { hide: true } }, sendIndex);
  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    const url = req.url.split('?')[0] ?? '';
    if (url.startsWith('/api/') || url === '/api') return reply.callNotFound();
    // Assets written after start-up (a rebuild) are served too; a missing asset is a 404, never index.html.
    if (url.startsWith('/assets/')) {
      const file = path.join(webDist, path.normalize(url).replace(/^([/\\])+/, ''));
      if (file.startsWith(path.join(webDist, 'assets')) && fs.existsSync(file)) return reply.sendFile(path.relative(webDist, file));
      return reply.callNotFound();
    }
    return sendIndex(req, reply);
  });
}
