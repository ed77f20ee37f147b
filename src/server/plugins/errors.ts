import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../../contracts/app-error.ts';
import { errorCatalog } from '../../contracts/errors.ts';

/** The error body every endpoint answers with (FORMATS.md §6). */
export type ErrorBody = { error: { code: string; message: string; path?: (string | number)[]; details?: unknown } };

/**
 * Turns every thrown error into `{ error: { code, message, path? } }`: AppErrors by their code, schema failures as
 * VALIDATION with the first issue's path, anything else as INTERNAL with no internals leaked.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    if (err instanceof AppError) {
      const body: ErrorBody = { error: { code: err.code, message: err.message } };
      if (err.path) body.error.path = err.path;
      if (err.details !== undefined && err.status < 500) body.error.details = err.details;
      return reply.code(err.status).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issue = err.validation[0];
      const where = err.validationContext ?? 'body';
      const path = [where, ...(issue?.instancePath.split('/').filter(Boolean) ?? [])];
      const message = `${errorCatalog.VALIDATION.message}：${issue?.message ?? ''}`;
      return reply.code(400).send({ error: { code: 'VALIDATION', message, path } } satisfies ErrorBody);
    }
    if (typeof err.statusCode === 'number' && err.statusCode < 500) {
      // Fastify's own client errors (bad JSON, payload too large, unsupported media type).
      return reply.code(err.statusCode).send({ error: { code: 'VALIDATION', message: errorCatalog.VALIDATION.message } });
    }
    request.log.error({ err }, 'unhandled error');
    return reply.code(500).send({ error: { code: 'INTERNAL', message: errorCatalog.INTERNAL.message } });
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send({ error: { code: 'NOT_FOUND', message: errorCatalog.NOT_FOUND.message } } satisfies ErrorBody),
  );
}
