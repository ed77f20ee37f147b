import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../contracts/app-error.ts';
import type { Database } from '../../../db/connect.ts';
import type { Scope } from '../../access/scope.ts';
import { importPersons, type ImportOptions } from './import-persons.ts';
import type { ImportReport } from '../../../contracts/import-report.ts';

/** A persons import running in the background, polled by the web app for progress. */
export type ImportJob = {
  id: string;
  ownerId: number | null;
  status: 'running' | 'done' | 'failed';
  stage: 'read' | 'write';
  rowsRead: number;
  report?: ImportReport;
  error?: { code: string; message: string };
  finishedAt?: number;
};

// Jobs live in this process only: a restart forgets them (the import itself is one transaction, so it either
// committed or left nothing). Finished jobs are dropped after an hour.
const jobs = new Map<string, ImportJob>();
const keepMs = 60 * 60 * 1000;

/** Starts importing an uploaded file; the file is deleted when the job ends. */
export function startImportJob(
  database: Database,
  scope: Scope,
  upload: { fileName: string; bytes: Buffer },
  options: Omit<ImportOptions, 'onProgress' | 'fileName'>,
): ImportJob {
  forgetOldJobs();
  const ext = path.extname(upload.fileName).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv') throw new AppError('FILE_TYPE', { path: ['x-file-name'] });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdpf-upload-'));
  const file = path.join(dir, `upload${ext}`);
  fs.writeFileSync(file, upload.bytes);
  const job: ImportJob = { id: randomUUID(), ownerId: scope.userId, status: 'running', stage: 'read', rowsRead: 0 };
  jobs.set(job.id, job);
  const onProgress = (stage: 'read' | 'write', rows: number) => {
    job.stage = stage;
    if (stage === 'read') job.rowsRead = rows;
  };
  importPersons(database, scope, file, { ...options, fileName: upload.fileName, onProgress })
    .then((report) => Object.assign(job, { status: 'done', report, rowsRead: report.rows }))
    .catch((e: unknown) => {
      const error = e instanceof AppError ? { code: e.code, message: e.message } : { code: 'INTERNAL', message: '导入失败，请稍后重试' };
      Object.assign(job, { status: 'failed', error });
    })
    .finally(() => {
      job.finishedAt = Date.now();
      fs.rmSync(dir, { recursive: true, force: true });
    });
  return job;
}

/** The job, if it belongs to the caller; anyone else's job is NOT_FOUND. */
export function getImportJob(scope: Scope, id: string): ImportJob {
  const job = jobs.get(id);
  if (!job || job.ownerId !== scope.userId) throw new AppError('NOT_FOUND');
  return job;
}

function forgetOldJobs(): void {
  const now = Date.now();
  for (const [id, job] of jobs) if (job.finishedAt && now - job.finishedAt > keepMs) jobs.delete(id);
}
