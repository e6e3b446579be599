/**
 * Builds a value on first use and keeps it for the life of the process (a Lambda instance), so a
 * handler pays only for the clients it touches.
 */
export function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}
