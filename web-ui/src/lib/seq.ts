/**
 * Sequence tracking for the non-book streams: `seq` goes up by one per channel and market. The first
 * message after (re)subscribing sets the baseline.
 */
export type SeqResult = 'ok' | 'duplicate' | 'gap' | 'invalid';

export class SeqTracker {
  private readonly last = new Map<string, number>();

  /** Classifies `seq` for stream `key` and remembers it unless it is a duplicate or invalid. */
  accept(key: string, seq: unknown): SeqResult {
    if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return 'invalid';
    const previous = this.last.get(key);
    if (previous !== undefined && seq <= previous) return 'duplicate';
    this.last.set(key, seq);
    return previous === undefined || seq === previous + 1 ? 'ok' : 'gap';
  }

  /** Forgets a stream, so that its next message becomes the new baseline. */
  reset(key: string): void {
    this.last.delete(key);
  }

  clear(): void {
    this.last.clear();
  }
}

/** The key of one stream: channel plus market for public channels, channel alone for private ones. */
export function streamKey(channel: string, market?: string): string {
  return market ? `${channel}:${market}` : channel;
}
