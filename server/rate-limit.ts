// Process: team server (Node). Counts attempts per key in a sliding window: login guessing is slowed per address and per account.
// In memory: with several server processes each keeps its own count, so the limit is per process.
export class RateLimit {
  private readonly hits = new Map<string, number[]>();
  private readonly max: number;
  private readonly windowMs: number;

  constructor(max: number, windowMs: number) {
    this.max = max;
    this.windowMs = windowMs;
  }

  /** Records an attempt; false when the key already used up its attempts in the window. */
  take(key: string, now: number): boolean {
    const recent = (this.hits.get(key) ?? []).filter((at) => at > now - this.windowMs);
    const allowed = recent.length < this.max;
    if (allowed) recent.push(now);
    if (recent.length) this.hits.set(key, recent);
    else this.hits.delete(key);
    // Forget keys nobody used for a window, so the map cannot grow without bound.
    if (this.hits.size > 10_000) for (const [k, times] of this.hits) if (times.every((at) => at <= now - this.windowMs)) this.hits.delete(k);
    return allowed;
  }
}
