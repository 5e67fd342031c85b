import type { TokenBucket } from '../../../src-shared/quotas/token-bucket';

/** A call waiting for its tokens and a connection. */
export interface Waiter {
  readonly seq: number;
  readonly buckets: readonly TokenBucket[];
  /** Names the buckets: calls with the same ones wait in one line. */
  readonly signature: string;
  readonly release: () => void;
  gone: boolean;
}

/** First in, first out; entries that left (cancelled) are skipped when they reach the front. */
class Line {
  private items: Waiter[] = [];
  private head = 0;

  push(waiter: Waiter): void {
    this.items.push(waiter);
  }

  front(): Waiter | undefined {
    while (this.head < this.items.length && this.items[this.head]?.gone) this.head += 1;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return this.items[this.head];
  }

  shift(): void {
    this.head += 1;
  }
}

/**
 * The calls of one account and Region to one endpoint. Calls that need the same buckets keep
 * their order. A call waiting for an empty bucket holds that bucket (no later call takes its
 * next token), but not its other buckets: those serve later calls until they run dry too. So a
 * slow quota never holds up calls that only share a fast one with it, and nothing starves.
 */
export class CallQueue {
  private readonly lines = new Map<string, Line>();
  waiting = 0;
  inFlight = 0;

  constructor(readonly key: string) {}

  add(waiter: Waiter): void {
    let line = this.lines.get(waiter.signature);
    if (!line) this.lines.set(waiter.signature, (line = new Line()));
    line.push(waiter);
    this.waiting += 1;
  }

  /** A waiting call left before its turn. */
  drop(waiter: Waiter): void {
    waiter.gone = true;
    this.waiting -= 1;
  }

  private fronts(): Waiter[] {
    const fronts: Waiter[] = [];
    for (const [signature, line] of this.lines) {
      const front = line.front();
      if (front) fronts.push(front);
      else this.lines.delete(signature);
    }
    return fronts.sort((a, b) => a.seq - b.seq);
  }

  /** Takes the oldest call whose tokens are all there (taking them), if any. */
  takeReady(): Waiter | undefined {
    const held = new Set<TokenBucket>();
    for (const front of this.fronts()) {
      const ready = front.buckets.every((b) => !held.has(b) && b.msUntilToken() === 0);
      if (ready) {
        for (const bucket of front.buckets) bucket.tryTake();
        this.lines.get(front.signature)?.shift();
        this.waiting -= 1;
        return front;
      }
      holdEmpty(front, held);
    }
    return undefined;
  }

  /**
   * How long until a waiting call could have its tokens (Infinity: none waits). A call behind an
   * older one on a bucket the older one waits for cannot go first, so it does not count.
   */
  msUntilReady(): number {
    const held = new Set<TokenBucket>();
    let soonest = Infinity;
    for (const front of this.fronts()) {
      if (front.buckets.every((b) => !held.has(b))) {
        soonest = Math.min(soonest, Math.max(0, ...front.buckets.map((b) => b.msUntilToken())));
      }
      holdEmpty(front, held);
    }
    return soonest;
  }
}

function holdEmpty(waiter: Waiter, held: Set<TokenBucket>): void {
  for (const bucket of waiter.buckets) if (bucket.msUntilToken() > 0) held.add(bucket);
}
