import { loadCaBundle } from '../aws/network/ca-bundle';
import { applyNetworkSettings } from '../aws/network/network-settings';
import { describeNetwork } from '../aws/network/network-status';
import type { SettingsStore } from '../settings/settings-store';
import type { Handlers } from './handler-types';

export function createSettingsHandlers(
  settings: SettingsStore,
): Handlers<'settings.get' | 'settings.set' | 'network.status'> {
  return {
    'settings.get': () => settings.get(),
    'settings.set': async (patch) => {
      // A CA bundle is saved only if it is a readable PEM file whose certificates all parse.
      if (patch.caBundlePath) await loadCaBundle(patch.caBundlePath, 'settings');
      const saved = await settings.update(patch);
      applyNetworkSettings(saved);
      return saved;
    },
    'network.status': async () => describeNetwork(await settings.get()),
  };
}
