import type { OperationRunner } from '../operations/operation-runner';
import type { operationsCalls } from '../../src-shared/contract/operations';
import type { AreaHandlers } from './handler-types';

export function createOperationsHandlers(
  operations: OperationRunner,
): AreaHandlers<typeof operationsCalls> {
  return {
    'operations.cancel': ({ operationId }) => ({ cancelled: operations.cancel(operationId) }),
    'operations.list': () => [...operations.list()],
  };
}
