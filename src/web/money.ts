/** Fen as yuan with two decimals, or a dash when there is no amount. */
export function yuan(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '—' : (fen / 100).toFixed(2);
}
