import { describe, expect, it } from 'vitest';
import type { operationsCalls } from '../../src-shared/contract/operations';
import type { AreaHandlers } from './handler-types';

// What this proves is checked by `tsc -b`: each `@ts-expect-error` must meet an error.
describe('an area’s handler table', () => {
  const cancel = () => ({ cancelled: false });
  const list = () => [];

  it('needs a handler for every call of the area and takes no other name', () => {
    const complete: AreaHandlers<typeof operationsCalls> = {
      'operations.cancel': cancel,
      'operations.list': list,
    };
    // @ts-expect-error — operations.list has no handler
    const missing: AreaHandlers<typeof operationsCalls> = { 'operations.cancel': cancel };
    const extra: AreaHandlers<typeof operationsCalls> = {
      'operations.cancel': cancel,
      'operations.list': list,
      // @ts-expect-error — operations.pause is not a call of the contract
      'operations.pause': cancel,
    };
    expect(Object.keys(complete)).toEqual(['operations.cancel', 'operations.list']);
    expect([missing, extra]).toHaveLength(2);
  });
});
