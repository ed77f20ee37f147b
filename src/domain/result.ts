/** A value or a failure with a stable error code: domain functions return these instead of throwing. */
export type Result<T, C extends string = string> = { ok: true; value: T } | { ok: false; code: C };

/** Wraps a successful value. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** Wraps a failure code. */
export function fail<C extends string>(code: C): { ok: false; code: C } {
  return { ok: false, code };
}
