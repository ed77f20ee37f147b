/**
 * Test support: remembers the environment variables as they are now; the function returned puts them back (unset
 * again those that were unset), e.g. as an `afterEach`.
 */
export function savedEnv(names: readonly string[]): () => void {
  const saved = names.map((name) => process.env[name]);
  return () => {
    names.forEach((name, i) => {
      const value = saved[i];
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    });
  };
}
