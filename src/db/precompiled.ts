import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import { createHash } from 'node:crypto';
import type { Database } from './connect.ts';
import type { DB } from './tables.ts';

/**
 * A query built and compiled once, then run with new values: building and compiling a Kysely query costs more
 * than running a small indexed one, and a hot endpoint (a person's detail) would pay it on every request.
 * The query is built with marker values (see `marker`); each run swaps the markers in the compiled parameters
 * for the real values, so values still travel as bound parameters, never as SQL text.
 */
export class Precompiled<Row, P extends Record<string, unknown>> {
  private constructor(
    private readonly compiled: CompiledQuery<Row>,
    private readonly names: readonly (keyof P | null)[],
  ) {}

  /** Compiles `build(markers)`; every parameter of the result must be a marker or a constant. */
  static of<Row, P extends Record<string, unknown>>(
    build: (markers: { [K in keyof P]: P[K] }) => Compilable<Row>,
    paramNames: readonly (keyof P & string)[],
  ): Precompiled<Row, P> {
    const markers = Object.fromEntries(paramNames.map((n) => [n, marker(n)])) as unknown as { [K in keyof P]: P[K] };
    const byMarker = new Map<unknown, keyof P>(paramNames.map((n) => [markers[n], n]));
    const compiled = build(markers).compile();
    return new Precompiled(
      compiled,
      compiled.parameters.map((p) => byMarker.get(p) ?? null),
    );
  }

  /**
   * Runs the query with these values; one round trip, no building or compiling. Outside a transaction on
   * PostgreSQL it goes to the pool as a named prepared statement, so the server parses and plans it once per
   * connection too (Kysely cannot name statements). SQLite's statement cache lives in connect.ts.
   */
  async execute(database: Database, values: P, db: Kysely<DB> = database.db): Promise<Row[]> {
    const parameters = this.compiled.parameters.map((p, i) => {
      const name = this.names[i];
      return name === null || name === undefined ? p : values[name];
    });
    if (database.pool && db === database.db) {
      const result = await database.pool.query({ name: this.statementName, text: this.compiled.sql, values: parameters });
      return result.rows as Row[];
    }
    const result = await db.executeQuery<Row>({ ...this.compiled, parameters });
    return result.rows;
  }

  /** A prepared-statement name that only this SQL text gets. */
  private get statementName(): string {
    this.name ??= `pc_${createHash('sha256').update(this.compiled.sql).digest('hex').slice(0, 24)}`;
    return this.name;
  }

  private name: string | undefined;

  /** The SQL text (for tests and EXPLAIN). */
  get sql(): string {
    return this.compiled.sql;
  }
}

/**
 * A value no caller can pass by accident, typed as whatever the parameter is: it only ever reaches the
 * compiled parameter list, where `execute` replaces it.
 */
function marker(name: string): never {
  return `\u0000precompiled:${name}\u0000` as never;
}
