/**
 * Position tracking for the non-book streams: every message carries the journal `seq` of the command that
 * produced it and `idx` among that command's messages on the stream, so (seq, idx) only goes up on a stream but
 * is not contiguous (docs/api.md). The server never skips a message on a connection (it closes a client that
 * falls behind), so a message at or before the last one seen is a duplicate.
 */
export type SeqResult = 'ok' | 'duplicate' | 'invalid';

export class SeqTracker {
  private readonly last = new Map<string, [number, number]>();

  /** Classifies (`seq`, `idx`) for stream `key` and remembers it unless it is a duplicate or invalid. */
  accept(key: string, seq: unknown, idx: unknown = 0): SeqResult {
    if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return 'invalid';
    const i = idx === undefined ? 0 : idx;
    if (typeof i !== 'number' || !Number.isSafeInteger(i) || i < 0) return 'invalid';
    const previous = this.last.get(key);
    if (previous !== undefined && (seq < previous[0] || (seq === previous[0] && i <= previous[1]))) return 'duplicate';
    this.last.set(key, [seq, i]);
    return 'ok';
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
