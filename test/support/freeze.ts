// Deep freezing for "never mutates its input" tests: modules run in strict mode, so a write to any
// frozen object throws a TypeError at the very line that made it.

/** Freezes every object reachable from a value not frozen yet, and gives the value back. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
