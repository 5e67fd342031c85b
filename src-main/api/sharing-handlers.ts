import type { sharingCalls } from '../../src-shared/contract/sharing';
import type { KeyContext } from '../key-operations/key-context';
import { findShared } from '../sharing/find-shared';
import type { AreaHandlers } from './handler-types';

export function createSharingHandlers(ctx: KeyContext): AreaHandlers<typeof sharingCalls> {
  return {
    'sharing.find': ({ accountId, scope }) => findShared(ctx, accountId, scope),
  };
}
