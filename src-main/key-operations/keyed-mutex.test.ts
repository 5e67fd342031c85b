import { describe, expect, it } from 'vitest';
import { createKeyedMutex } from './keyed-mutex';

/** A promise and the function that settles it, so a test decides when work ends. */
function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<undefined>((resolve) => {
    open = () => resolve(undefined);
  });
  return { opened, open };
}

describe('keyed mutex', () => {
  it('runs work under one name one at a time, in order, past failures; other names do not wait', async () => {
    const mutex = createKeyedMutex();
    const order: string[] = [];
    const first = gate();
    const a1 = mutex.run('key-a', async () => {
      order.push('a1 start');
      await first.opened;
      order.push('a1 end');
      throw new Error('a1 failed');
    });
    const a2 = mutex.run('key-a', () => {
      order.push('a2');
      return Promise.resolve('a2 done');
    });
    const b = await mutex.run('key-b', () => {
      order.push('b');
      return Promise.resolve('b done');
    });
    expect(b).toBe('b done');
    expect(order).toEqual(['a1 start', 'b']);
    first.open();
    await expect(a1).rejects.toThrow('a1 failed');
    await expect(a2).resolves.toBe('a2 done');
    expect(order).toEqual(['a1 start', 'b', 'a1 end', 'a2']);
  });
});
