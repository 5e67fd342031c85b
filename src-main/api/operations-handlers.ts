import type { OperationRunner } from '../operations/operation-runner';
import type { Handlers } from './handler-types';

export function createOperationsHandlers(
  operations: OperationRunner,
): Handlers<'operations.cancel' | 'operations.list'> {
  return {
    'operations.cancel': ({ operationId }) => ({ cancelled: operations.cancel(operationId) }),
    'operations.list': () => [...operations.list()],
  };
}
