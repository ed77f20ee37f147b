import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../contracts/app-error.ts';

/**
 * Writes an uploaded list (the raw body, application/octet-stream, named by the x-file-name header as for the persons
 * import) to a temp file, runs `fn` on it, and deletes it whatever happens.
 */
export async function withUploadedFile<R>(req: FastifyRequest, fn: (file: string, fileName: string) => Promise<R>): Promise<R> {
  if (!Buffer.isBuffer(req.body)) throw new AppError('FILE_UNREADABLE', { message: '请以 application/octet-stream 上传文件' });
  const fileName = decodeURIComponent(String(req.headers['x-file-name'] ?? 'upload.csv'));
  const ext = path.extname(fileName).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv') throw new AppError('FILE_TYPE', { path: ['x-file-name'] });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdpf-list-'));
  const file = path.join(dir, `upload${ext}`);
  try {
    fs.writeFileSync(file, req.body);
    return await fn(file, fileName);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
