import { silentLogger } from '../../log/logger';
import { createClientFactory, type ClientFactoryOptions } from '../client-factory';
import { DEFAULT_NETWORK_SETTINGS } from '../network/network-settings';

/** A client factory for tests: default network settings, nothing logged, unless told otherwise. */
export function testClientFactory(options: Partial<ClientFactoryOptions> = {}) {
  return createClientFactory({
    network: () => Promise.resolve(DEFAULT_NETWORK_SETTINGS),
    logger: silentLogger,
    ...options,
  });
}
