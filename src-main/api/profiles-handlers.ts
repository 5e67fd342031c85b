import { knownRegions } from '../../src-shared/schemas/regions';
import type { ProfileStore } from '../profiles/profile-store';
import type { SettingsStore } from '../settings/settings-store';
import type { Handlers } from './handler-types';

export function createProfilesHandlers(deps: {
  profiles: ProfileStore;
  settings: SettingsStore;
}): Handlers<'profiles.list' | 'regions.list'> {
  return {
    'profiles.list': async () => [...(await deps.profiles.list())],
    'regions.list': async () => {
      const { defaultRegions } = await deps.settings.get();
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
