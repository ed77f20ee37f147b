/** A Map or WeakMap: what cachedIn keeps its inner maps in. */
type Store<K, V> = { get(key: K): V | undefined; set(key: K, value: V): unknown };

/**
 * The value cached under (outer, inner), built on first use: a map of maps. Give a WeakMap when the outer key is an
 * object (a parameter, a database handle) so that its entries die with it.
 */
export function cachedIn<K1, K2, V>(cache: Store<K1, Map<K2, V>>, outer: K1, inner: K2, build: () => V): V {
  let byInner = cache.get(outer);
  if (!byInner) {
    byInner = new Map();
    cache.set(outer, byInner);
  }
  let value = byInner.get(inner);
  if (value === undefined) {
    value = build();
    byInner.set(inner, value);
  }
  return value;
}
