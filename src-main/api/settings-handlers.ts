import { crossAccountPairProblem } from '../../src-shared/models/cross-account';
import { KeywardError } from '../../src-shared/errors';
import type { SettingsPatch } from '../../src-shared/schemas/settings';
import type { ProfileService } from '../profiles/profile-service';
import type { SettingsStore } from '../settings/settings-store';
import type { Handlers } from './handler-types';

export function createSettingsHandlers(deps: {
  settings: SettingsStore;
  profiles: Pick<ProfileService, 'list'>;
}): Handlers<'settings.get' | 'settings.set'> {
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

  return {
    'settings.get': () => settings.get(),
    'settings.set': async (patch) => {
      await refuseBadPair(patch.crossAccountPair);
      return settings.update(patch);
    },
  };
}
