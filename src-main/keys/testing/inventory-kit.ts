import type { InventoryPartial } from '../../../src-shared/contract/keys';
import type { ScopeCell } from '../../../src-shared/models/kms-key';
import type { ClientFactory } from '../../aws/client-factory';
import type { SandboxForTests } from '../../aws/testing/use-sandbox';
import { silentLogger } from '../../log/logger';
import type { OperationContext } from '../../operations/operation-context';
import { createInventoryService } from '../inventory-service';

/** An operation context that keeps every partial an inventory reports. */
export function recordingContext<Partial = InventoryPartial>(
  signal: AbortSignal = new AbortController().signal,
) {
  const partials: Partial[] = [];
  const ctx: OperationContext = {
    correlationId: 'test',
    logger: silentLogger,
    signal,
    progress: (_step, _count, _title, _value, _detail, partial) => {
      if (partial !== undefined) partials.push(partial as Partial);
    },
  };
  return { ctx, partials };
}

/** The inventory over the test sandbox's demo administrators (`prod`, `backup`). */
export function sandboxInventory(
  sandbox: SandboxForTests,
  aws: ClientFactory,
  scope: readonly ScopeCell[] = [],
) {
  return createInventoryService({
    aws,
    principal: (profileId) => {
      if (profileId !== 'prod' && profileId !== 'backup')
        return Promise.reject(new Error(`no profile ${profileId}`));
      return Promise.resolve(sandbox.principal(profileId));
    },
    profileName: (profileId) => Promise.resolve(`Sandbox · ${profileId}`),
    scope: { get: () => Promise.resolve({ cells: [...scope], isDefault: false }) },
  });
}
