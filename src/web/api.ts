// The one door from the web app to the API: same-origin cookies, the CSRF header on unsafe methods, JSON errors.

/** The CSRF cookie and header names of docs/access.md (src/features/access/cookies.ts). */
const csrfCookie = 'sdpf_csrf';
const csrfHeader = 'x-csrf-token';

/** One field problem of a validation error (`details.problems`). */
export type FieldProblem = { field: string; code: string; message: string; column?: string };

/** An error answered by the API: HTTP status plus `{ error: { code, message, path?, details? } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path?: (string | number)[],
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** The field problems of a validation error, or the single field named by `path` (`['body', field]`). */
  get problems(): FieldProblem[] {
    const listed = (this.details as { problems?: FieldProblem[] } | undefined)?.problems;
    if (listed && listed.length > 0) return listed;
    const field = this.path?.[0] === 'body' ? this.path[1] : undefined;
    return typeof field === 'string' && field ? [{ field, code: this.code, message: this.message }] : [];
  }
}

type Listener = (event: 'activity' | 'unauthenticated' | 'passwordChange') => void;
const listeners = new Set<Listener>();

/** Subscribes to API events: any successful call (session activity), 401 and 403 PASSWORD_CHANGE_REQUIRED. */
export function onApiEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(event: Parameters<Listener>[0]): void {
  for (const l of listeners) l(event);
}

function readCsrf(): string {
  return document.cookie.match(new RegExp(`(?:^|; )${csrfCookie}=([^;]*)`))?.[1] ?? '';
}

/** Options of an API call: a JSON body, or raw bytes with their own content type. */
export type ApiOptions = { method?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string>; quiet?: boolean };

/** Sends a request to the API and returns the raw response when it succeeded; throws ApiError otherwise. */
export async function apiResponse(path: string, options: ApiOptions = {}): Promise<Response> {
  const method = options.method ?? (options.json === undefined && options.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (method !== 'GET' && method !== 'HEAD') headers[csrfHeader] = readCsrf();
  let body = options.body;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'NETWORK', 'network error');
  }
  if (res.ok) {
    emit('activity');
    return res;
  }
  const parsed = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string; path?: (string | number)[]; details?: unknown };
  } | null;
  const e = parsed?.error;
  const error = new ApiError(res.status, e?.code ?? 'INTERNAL', e?.message ?? res.statusText, e?.path, e?.details);
  if (!options.quiet && res.status === 401) emit('unauthenticated');
  if (!options.quiet && error.code === 'PASSWORD_CHANGE_REQUIRED') emit('passwordChange');
  throw error;
}

/** Calls the API and parses the JSON answer (undefined for 204). */
export async function api<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const res = await apiResponse(path, options);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** Downloads an API answer as a file: the name comes from Content-Disposition (filename*) or the fallback. */
export async function downloadFile(path: string, fallbackName: string, options: ApiOptions = {}): Promise<string> {
  const res = await apiResponse(path, { ...options, headers: { accept: '*/*', ...options.headers } });
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = disposition.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  const name = star ? decodeURIComponent(star) : fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
