// Process: test (Node). Stands in for the `clone` package (a deep copy), which rxdb/plugins/test-utils imports
// but which is not installed here; it copies JSON schemas only. Aliased in vitest.config.ts (server project).
export default function clone<T>(value: T): T {
  return structuredClone(value);
}
