/**
 * The one owner of the WebSocket to /ws: connects, re-sends the subscriptions after every (re)connect,
 * reconnects with capped exponential backoff, pings to keep idle proxies from closing it.
 */
import type { Connection } from './store';

export interface Subscription {
  readonly channel: string;
  readonly market?: string;
}

/** A parsed server message; every message has `channel`, `type` and `seq` (see docs/api.md). */
export type StreamMessage = Record<string, unknown> & { readonly type?: unknown; readonly channel?: unknown };

export interface StreamHandlers {
  onMessage(msg: StreamMessage): void;
  onStatus(status: Connection): void;
  /** Called after each successful (re)connect, once the subscriptions have been sent. */
  onOpen(): void;
  /** Where to resume a subscription from after a reconnect, or null for a fresh snapshot. */
  sinceFor(sub: Subscription): number | null;
}

const PING_MS = 20_000;
const MAX_BACKOFF_MS = 10_000;

function keyOf(sub: Subscription): string {
  return sub.market ? `${sub.channel}:${sub.market}` : sub.channel;
}

export class StreamClient {
  private ws: WebSocket | null = null;
  private readonly subs = new Map<string, Subscription>();
  private generation = 0;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly url: string,
    private readonly handlers: StreamHandlers,
  ) {}

  start(): void {
    this.connect();
  }

  /** Drops the connection and opens a new one at once (the handshake then carries the new session cookie). */
  restart(): void {
    this.attempt = 0;
    this.connect();
  }

  subscribe(sub: Subscription, since: number | null = null): void {
    this.subs.set(keyOf(sub), sub);
    this.send(subscribeMessage(sub, since));
  }

  unsubscribe(sub: Subscription): void {
    if (this.subs.delete(keyOf(sub))) this.send({ op: 'unsubscribe', channel: sub.channel, market: sub.market });
  }

  private send(msg: object): void {
    if (this.ws !== null && this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(msg));
  }

  private connect(): void {
    const gen = ++this.generation;
    this.clearTimers();
    if (this.ws !== null) {
      const old = this.ws;
      this.ws = null;
      // Closing a socket that is still connecting makes the browser log a warning: let it open, then close it.
      if (old.readyState === WebSocket.CONNECTING) old.onopen = () => old.close();
      else old.close();
    }
    this.handlers.onStatus('connecting');
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.onopen = () => {
      if (gen !== this.generation) return;
      this.attempt = 0;
      this.handlers.onStatus('open');
      for (const sub of this.subs.values()) ws.send(JSON.stringify(subscribeMessage(sub, this.handlers.sinceFor(sub))));
      this.pingTimer = setInterval(() => this.send({ op: 'ping' }), PING_MS);
      this.handlers.onOpen();
    };
    ws.onmessage = (ev: MessageEvent) => {
      if (gen !== this.generation || typeof ev.data !== 'string') return;
      let msg: unknown;
      try {
        msg = JSON.parse(ev.data);
      } catch {
        console.warn('stream: dropped a frame that is not JSON');
        return;
      }
      if (msg !== null && typeof msg === 'object') this.handlers.onMessage(msg as StreamMessage);
    };
    ws.onclose = () => {
      if (gen !== this.generation) return;
      this.ws = null;
      this.clearTimers();
      this.handlers.onStatus('closed');
      const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.attempt);
      this.attempt = Math.min(this.attempt + 1, 10);
      this.reconnectTimer = setTimeout(() => this.connect(), delay);
    };
  }

  private clearTimers(): void {
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer);
    if (this.pingTimer !== null) clearInterval(this.pingTimer);
    this.reconnectTimer = null;
    this.pingTimer = null;
  }
}

function subscribeMessage(sub: Subscription, since: number | null): object {
  const msg: Record<string, unknown> = { op: 'subscribe', channel: sub.channel };
  if (sub.market) msg.market = sub.market;
  if (since !== null) msg.since = since;
  return msg;
}
