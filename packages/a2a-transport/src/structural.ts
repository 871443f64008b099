/**
 * `instanceof` for error classes that must also match copies from another bundle: a real
 * instance of `ctor` matches; otherwise, only when `ctor` is `base` itself (not a subclass),
 * an object for which `shape` holds.
 */
export function checkInstance(
  ctor: unknown,
  base: unknown,
  v: unknown,
  shape: (o: Record<PropertyKey, unknown>) => boolean,
): boolean {
  if (typeof v !== "object" || v === null) return false;
  if (typeof ctor === "function" && Function.prototype[Symbol.hasInstance].call(ctor, v)) {
    return true;
  }
  return ctor === base && shape(v as Record<PropertyKey, unknown>);
}
