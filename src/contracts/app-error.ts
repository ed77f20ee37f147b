import { type ErrorCode, type Problem, errorCatalog } from './errors.ts';

/**
 * The one error type services throw when a request cannot be served (not found, conflict, forbidden, invalid).
 * The server maps `code` to an HTTP status through the catalog; ineligibility and validation reports are values,
 * not AppErrors.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly path?: (string | number)[];
  readonly details?: unknown;

  constructor(code: ErrorCode, options: { message?: string; path?: (string | number)[]; details?: unknown } = {}) {
    super(options.message ?? errorCatalog[code].message);
    this.code = code;
    this.path = options.path;
    this.details = options.details;
  }

  /** The HTTP status for this error's code. */
  get status(): number {
    return errorCatalog[this.code].status;
  }

  /** Builds an AppError from a Problem. */
  static from(p: Problem, details?: unknown): AppError {
    return new AppError(p.code, { message: p.message, path: p.path, details });
  }
}
