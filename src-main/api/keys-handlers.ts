import type { keysCalls } from '../../src-shared/contract/keys';
import type { InventoryService } from '../keys/inventory-service';
import type { LastUsageReader } from '../keys/last-usage';
import type { ScopeStore } from '../keys/scope-store';
import type { AreaHandlers } from './handler-types';

export function createKeysHandlers(deps: {
  inventory: InventoryService;
  lastUsage: LastUsageReader;
  scope: ScopeStore;
}): AreaHandlers<typeof keysCalls> {
  const { inventory, lastUsage, scope } = deps;
  return {
    'keys.inventory': (input, ctx) => inventory.run(input, ctx),
    'keys.list': ({ scope: cells }) => inventory.cached(cells),
    'keys.lastUsage': ({ keys }, ctx) => lastUsage.read(keys, ctx),
    'keys.getScope': () => scope.get(),
    'keys.setScope': ({ cells }) => scope.set(cells),
  };
}
