import type { ScopeCell } from '../../../src-shared/models/kms-key';
import type { ClientFactory } from '../../aws/client-factory';
import type { SandboxForTests } from '../../aws/testing/use-sandbox';
import type { EbsInventoryDeps } from '../ebs-inventory-service';

export { recordingContext } from '../../keys/testing/inventory-kit';

/** Inventory deps over the test sandbox's demo administrators (`prod`, `backup`). */
export function sandboxDeps(
  sandbox: SandboxForTests,
  aws: ClientFactory,
  scope: readonly ScopeCell[] = [],
): EbsInventoryDeps {
  return {
    aws,
    principal: (profileId) => {
      if (profileId !== 'prod' && profileId !== 'backup')
        return Promise.reject(new Error(`no profile ${profileId}`));
      return Promise.resolve(sandbox.principal(profileId));
    },
    profileName: (profileId) => Promise.resolve(`Sandbox · ${profileId}`),
    scope: { get: () => Promise.resolve({ cells: [...scope], isDefault: false }) },
  };
}
