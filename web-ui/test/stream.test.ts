import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Connection } from '../src/store';
import { StreamClient, type StreamMessage, type Subscription } from '../src/stream';
import { FakeSocket } from './fakesocket';

function client(since: (sub: Subscription) => number | null = () => null) {
  const statuses: Connection[] = [];
  const messages: StreamMessage[] = [];
  let opens = 0;
  const c = new StreamClient('ws://host/ws', {
    onMessage: (m) => messages.push(m),
    onStatus: (s) => statuses.push(s),
    onOpen: () => { opens++; },
    sinceFor: since,
  });
  return { c, statuses, messages, opens: () => opens };
}

beforeEach(() => {
  FakeSocket.all = [];
  vi.useFakeTimers();
  vi.stubGlobal('WebSocket', FakeSocket);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('StreamClient', () => {
  it('sends the subscriptions on open and passes JSON messages on', () => {
    const t = client();
    t.c.subscribe({ channel: 'book', market: 'SKY-BTC' });
    t.c.start();
    const ws = FakeSocket.nth(0);
    expect(ws.url).toBe('ws://host/ws');
    ws.open();
    expect(ws.sent).toEqual([{ op: 'subscribe', channel: 'book', market: 'SKY-BTC' }]);
    ws.receive({ channel: 'book', type: 'snapshot', seq: 1 });
    ws.receive('not json');
    expect(t.messages).toEqual([{ channel: 'book', type: 'snapshot', seq: 1 }]);
    expect(t.statuses).toEqual(['connecting', 'open']);
    expect(t.opens()).toBe(1);
  });

  it('reconnects with growing, capped delays and resumes the book with since', () => {
    let seq: number | null = null;
    const t = client((sub) => (sub.channel === 'book' ? seq : null));
    t.c.subscribe({ channel: 'book', market: 'SKY-BTC' });
    t.c.subscribe({ channel: 'orders' });
    t.c.start();
    FakeSocket.nth(0).open();
    seq = 42;
    FakeSocket.nth(0).drop();
    expect(t.statuses.at(-1)).toBe('closed');
    vi.advanceTimersByTime(499);
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all).toHaveLength(2);
    FakeSocket.nth(1).drop();
    vi.advanceTimersByTime(999);
    expect(FakeSocket.all).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all).toHaveLength(3);
    for (let i = 0; i < 8; i++) {
      FakeSocket.nth(-1).drop();
      vi.advanceTimersByTime(10_000);
    }
    expect(FakeSocket.all).toHaveLength(11);
    const last = FakeSocket.nth(-1);
    last.open();
    expect(last.sent).toEqual([
      { op: 'subscribe', channel: 'book', market: 'SKY-BTC', since: 42 },
      { op: 'subscribe', channel: 'orders' },
    ]);
    // after a successful open the backoff starts again from the shortest delay
    last.drop();
    vi.advanceTimersByTime(500);
    expect(FakeSocket.all).toHaveLength(12);
  });

  it('restart replaces the socket at once and ignores the old one', () => {
    const t = client();
    t.c.start();
    const first = FakeSocket.nth(0);
    first.open();
    t.c.restart();
    expect(first.closed).toBe(true);
    expect(FakeSocket.all).toHaveLength(2);
    first.receive({ channel: 'trades', seq: 1 });
    expect(t.messages).toEqual([]);
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.all).toHaveLength(2);
  });

  it('pings while open, unsubscribes, and sends nothing while closed', () => {
    const t = client();
    t.c.subscribe({ channel: 'balances' });
    t.c.start();
    const ws = FakeSocket.nth(0);
    ws.open();
    vi.advanceTimersByTime(20_000);
    expect(ws.sent.at(-1)).toEqual({ op: 'ping' });
    t.c.unsubscribe({ channel: 'balances' });
    expect(ws.sent.at(-1)).toEqual({ op: 'unsubscribe', channel: 'balances' });
    ws.drop();
    const before = ws.sent.length;
    t.c.subscribe({ channel: 'orders' });
    expect(ws.sent.length).toBe(before);
  });
});
