import type { Kysely } from 'kysely';
import { connect } from '../../db/connect.ts';
import type { DB } from '../../db/tables.ts';

/** A write transaction left open on a connection of its own; end() commits it and closes the connection. */
export type OpenWriter = { end(): Promise<void> };

/**
 * Test support: runs `write` in a transaction on a new connection to `url` and leaves the transaction open (on
 * PostgreSQL its triggers then hold the change log's lock shared) until end().
 */
export async function openWriter(url: string, write: (trx: Kysely<DB>) => Promise<unknown>): Promise<OpenWriter> {
  const writer = connect(url);
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let wrote: () => void = () => {};
  const written = new Promise<void>((resolve) => {
    wrote = resolve;
  });
  const open = writer.db.transaction().execute(async (trx) => {
    await write(trx);
    wrote();
    await held;
  });
  await Promise.race([written, open]);
  let ended = false;
  return {
    async end() {
      if (ended) return;
      ended = true;
      release();
      try {
        await open;
      } finally {
        await writer.close();
      }
    },
  };
}
