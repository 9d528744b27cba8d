// Process: any (pure). "1 contact", "2 contacts": a number with its noun, singular when it is one.

/** `plural` defaults to the noun with an s; `grouped` writes 10,000 rather than 10000. */
export function count(n: number, noun: string, plural = `${noun}s`, grouped = false): string {
  return `${grouped ? n.toLocaleString() : n} ${n === 1 ? noun : plural}`;
}
