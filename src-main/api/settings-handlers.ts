import type { networkCalls } from '../../src-shared/contract/network';
import type { settingsCalls } from '../../src-shared/contract/settings';
import { KeywardError } from '../../src-shared/errors';
import { crossAccountPairProblem } from '../../src-shared/models/cross-account';
import type { SettingsPatch } from '../../src-shared/schemas/settings';
import { loadCaBundle } from '../aws/network/ca-bundle';
import { describeNetwork } from '../aws/network/network-status';
import type { ProfileService } from '../profiles/profile-service';
import type { SettingsStore } from '../settings/settings-store';
import type { AreaHandlers } from './handler-types';

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

export function createSettingsHandlers(deps: {
  settings: SettingsStore;
  profiles: Pick<ProfileService, 'list'>;
}): AreaHandlers<typeof settingsCalls & typeof networkCalls> {
  const { settings, profiles } = deps;

  /** The page checks the pair too; main refuses it again so no caller can store a bad one. */
  async function refuseBadPair(pair: SettingsPatch['crossAccountPair']): Promise<void> {
    if (!pair) return;
    const known = await profiles.list();
    const find = (id: string) => known.find((profile) => profile.id === id);
    const problem = crossAccountPairProblem(find(pair.sourceProfileId), find(pair.targetProfileId));
    if (problem) {
      throw new KeywardError('validation', problem.message, {
        fieldErrors: { [problem.field]: problem.message },
      });
    }
  }

  /** The active profile is one that exists, or none (null). */
  async function refuseUnknownProfile(id: SettingsPatch['activeProfileId']): Promise<void> {
    if (id === undefined || id === null) return;
    if ((await profiles.list()).some((profile) => profile.id === id)) return;
    throw new KeywardError(
      'validation',
      `There is no profile “${id}”, so it cannot be the active profile. It may have been removed in another window.`,
      {
        fieldErrors: { activeProfileId: `There is no profile “${id}”.` },
        hint: 'Choose one of your profiles in the profile picker, or add the profile again.',
      },
    );
  }

  return {
    'settings.get': () => settings.get(),
    'settings.set': async (patch) => {
      await refuseUnknownProfile(patch.activeProfileId);
      await refuseBadPair(patch.crossAccountPair);
      // A CA bundle is saved only if it is a readable PEM file whose certificates all parse.
      if (patch.caBundlePath) await checkCaBundle(patch.caBundlePath);
      return settings.update(patch);
    },
    'network.status': async () => describeNetwork(await settings.get()),
  };
}
