import { KeywardError } from '../../src-shared/errors';
import { loadCaBundle } from '../aws/network/ca-bundle';
import { applyNetworkSettings } from '../aws/network/network-settings';
import { describeNetwork } from '../aws/network/network-status';
import type { SettingsStore } from '../settings/settings-store';
import type { Handlers } from './handler-types';

/** The CA bundle's problem, on the form field it came from. */
async function checkCaBundle(path: string): Promise<void> {
  try {
    await loadCaBundle(path, 'settings');
  } catch (error) {
    if (!(error instanceof KeywardError)) throw error;
    throw new KeywardError('validation', error.message, {
      fieldErrors: { caBundlePath: error.message },
      ...(error.hint ? { hint: error.hint } : {}),
    });
  }
}

export function createSettingsHandlers(
  settings: SettingsStore,
): Handlers<'settings.get' | 'settings.set' | 'network.status'> {
  return {
    'settings.get': () => settings.get(),
    'settings.set': async (patch) => {
      // A CA bundle is saved only if it is a readable PEM file whose certificates all parse.
      if (patch.caBundlePath) await checkCaBundle(patch.caBundlePath);
      const saved = await settings.update(patch);
      applyNetworkSettings(saved);
      return saved;
    },
    'network.status': async () => describeNetwork(await settings.get()),
  };
}
