import type { DocumentStore } from './document-store';
import type { StoreTransaction } from './store-types';
import { TransactionConflict } from './write-versions';

/** A conflict can only come from a writer outside `transact` (background work); a few suffice. */
const MAX_ATTEMPTS = 8;

/** Runs one unit of work at a time; the next starts once the previous one has committed. */
class SerialLane {
  private tail: Promise<unknown> = Promise.resolve();

  run<R>(work: () => Promise<R>): Promise<R> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

const lanes = new WeakMap<DocumentStore, SerialLane>();

function laneOf(store: DocumentStore): SerialLane {
  let lane = lanes.get(store);
  if (!lane) lanes.set(store, (lane = new SerialLane()));
  return lane;
}

/**
 * Runs `work` in a transaction and commits it with the group commit; resolves once durable.
 * Units of work run one at a time, each up to its commit (not its durability, so group commit
 * still batches): an operation that awaits in the middle cannot interleave with another. A
 * commit refused because something outside `transact` changed what it read
 * (`TransactionConflict`) runs all of `work` again on the new state, so `work` must keep its
 * effects inside the transaction.
 */
export async function transact<R>(
  store: DocumentStore,
  work: (tx: StoreTransaction) => R | Promise<R>,
): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    const { result, durable } = await laneOf(store).run(async () => {
      const tx = store.begin();
      const value = await work(tx);
      return { result: value, durable: tx.commitBatched() };
    });
    try {
      await durable;
      return result;
    } catch (e) {
      if (!(e instanceof TransactionConflict) || attempt >= MAX_ATTEMPTS) throw e;
    }
  }
}
