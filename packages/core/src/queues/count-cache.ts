/**
 * Recent large queue counts, kept for a few seconds in the API process.
 *
 * Counting a queue costs time in proportion to its size: at a million cases a unit's 28,000
 * open cases took 9 ms of Postgres per request to count, more than the page itself, and with
 * 20 officials refreshing, the counts alone kept the queue above 100 ms (bench:officials).
 * Only counts of at least `minTotal`, or counts that stopped at their cap, are kept: nobody can
 * tell 28,000 from 28,003 at a glance,
 * while a small queue's count must change the moment a case arrives or leaves, so small
 * counts are always fresh. A plain Map is enough: entries expire by time and the number kept
 * is capped (oldest dropped first); no library's LRU semantics are needed.
 */
export interface CountCacheOptions {
  ttlMs: number;
  minTotal: number;
  maxEntries: number;
}

export class QueueCountCache<T extends { total: number; isCapped: boolean }> {
  private readonly entries = new Map<string, { at: number; value: T }>();

  constructor(private readonly options: CountCacheOptions) {}

  /** The cached counts for a key, or the counts computed now (kept when large). */
  async get(key: string, nowMs: number, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && nowMs - hit.at < this.options.ttlMs) return hit.value;
    const value = await compute();
    this.entries.delete(key);
    if (value.isCapped || value.total >= this.options.minTotal) {
      this.entries.set(key, { at: nowMs, value });
      if (this.entries.size > this.options.maxEntries) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
    }
    return value;
  }
}
