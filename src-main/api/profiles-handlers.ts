import type { profilesCalls } from '../../src-shared/contract/profiles';
import { knownRegions } from '../../src-shared/schemas/regions';
import type { ProfileService } from '../profiles/profile-service';
import type { SettingsStore } from '../settings/settings-store';
import type { AreaHandlers } from './handler-types';

export function createProfilesHandlers(deps: {
  profiles: ProfileService;
  settings: SettingsStore;
}): AreaHandlers<typeof profilesCalls> {
  const { profiles, settings } = deps;
  return {
    'profiles.list': () => profiles.list(),
    'profiles.addAccessKey': async (input) => {
      const added = await profiles.addAccessKey(input);
      if ((await settings.get()).activeProfileId === null)
        await settings.update({ activeProfileId: added.id });
      return added;
    },
    'profiles.addAssumeRole': (input) => profiles.addAssumeRole(input),
    'profiles.addSharedConfig': (input) => profiles.addSharedConfig(input),
    'profiles.addSso': (input) => profiles.addSso(input),
    'profiles.update': (input) => profiles.update(input),
    'profiles.startSession': ({ id, mfaCode }) => profiles.startSession(id, mfaCode),
    'profiles.signIn': ({ id }, ctx) => profiles.signIn(id, ctx),
    'profiles.signOut': ({ id }) => profiles.signOut(id),
    'profiles.verify': ({ id }) => profiles.verify(id),
    'profiles.delete': async ({ id }) => {
      const deleted = await profiles.remove(id);
      // What pointed at it points at nothing now (the delete dialog said so).
      const { activeProfileId, crossAccountPair: pair } = await settings.get();
      if (activeProfileId === id) await settings.update({ activeProfileId: null });
      if (pair && (pair.sourceProfileId === id || pair.targetProfileId === id))
        await settings.update({ crossAccountPair: null });
      return { deleted };
    },
    'regions.list': async () => {
      const { defaultRegions } = await settings.get();
      const known = new Map<string, string>(
        knownRegions.map((region) => [region.code, region.name]),
      );
      const defaults = defaultRegions.map((code) => ({
        code,
        name: known.get(code) ?? code,
        isDefault: true,
      }));
      const others = knownRegions
        .filter((region) => !defaultRegions.includes(region.code))
        .map((region) => ({ code: region.code, name: region.name, isDefault: false }));
      return [...defaults, ...others];
    },
  };
}
