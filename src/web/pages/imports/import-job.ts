import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api.ts';

export type { ImportReport } from '../../../contracts/import-report.ts';
import type { ImportReport } from '../../../contracts/import-report.ts';

/** GET /api/v1/imports/{jobId}. */
export type ImportJob = {
  status: 'running' | 'done' | 'failed';
  stage: 'read' | 'write';
  rowsRead: number;
  report?: ImportReport;
  error?: { code: string; message: string };
};

/** One run of the wizard: which job, whether it was a dry run, and its latest state. */
export type ImportRun = { jobId: string; dryRun: boolean; job: ImportJob };

const pollMs = 500;

/** Uploads a file as an import job and polls it every 500 ms until it is done or failed. */
export function useImportJob() {
  const [run, setRun] = useState<ImportRun | null>(null);
  const [error, setError] = useState<unknown>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const poll = useCallback((jobId: string, dryRun: boolean) => {
    api<ImportJob>(`/api/v1/imports/${jobId}`).then(
      (job) => {
        setRun({ jobId, dryRun, job });
        if (job.status === 'running') timer.current = setTimeout(() => poll(jobId, dryRun), pollMs);
      },
      (e: unknown) => setError(e),
    );
  }, []);

  const start = useCallback(
    async (file: File, options: { dryRun: boolean; skipInvalid: boolean }) => {
      setError(null);
      setRun(null);
      try {
        const { jobId } = await api<{ jobId: string }>(
          `/api/v1/imports/persons?dryRun=${options.dryRun}&skipInvalid=${options.skipInvalid}`,
          {
            method: 'POST',
            body: file,
            headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
          },
        );
        setRun({ jobId, dryRun: options.dryRun, job: { status: 'running', stage: 'read', rowsRead: 0 } });
        poll(jobId, options.dryRun);
      } catch (e) {
        setError(e);
      }
    },
    [poll],
  );
  const reset = useCallback(() => {
    setRun(null);
    setError(null);
  }, []);
  return { run, error, start, reset };
}
