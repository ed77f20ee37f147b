import type { FastifyRequest } from 'fastify';
import { maskPersonalNumbers } from '../features/access/mask.ts';

/**
 * pino settings for the server: JSON lines, and request URLs with ID and phone numbers masked, because a query
 * string (`GET /api/v1/persons?q=…`) may carry one and logs must never hold personal numbers.
 */
export function loggerOptions(level = process.env.LOG_LEVEL ?? 'info') {
  return {
    level,
    serializers: {
      req: (req: FastifyRequest) => ({ method: req.method, url: maskPersonalNumbers(req.url), remoteAddress: req.ip }),
    },
  };
}
