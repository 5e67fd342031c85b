import type { ProfileImporter } from '../profiles/import/profile-importer';
import type { SettingsStore } from '../settings/settings-store';
import type { profileImportCalls } from '../../src-shared/contract/profile-import';
import type { AreaHandlers } from './handler-types';

export function createProfileImportHandlers(deps: {
  importer: ProfileImporter;
  settings: SettingsStore;
}): AreaHandlers<typeof profileImportCalls> {
  const { importer, settings } = deps;
  return {
    'profiles.importScan': () => importer.scan(),
    'profiles.import': async (input) => {
      const imported = await importer.import(input);
      // As adding a profile does: the first verified profile becomes the active one.
      const first = imported.results.find((result) => result.profile?.status === 'verified');
      if (first?.profile && (await settings.get()).activeProfileId === null)
        await settings.update({ activeProfileId: first.profile.id });
      return imported;
    },
    'profiles.removeKeysFromFile': (input) => importer.removeKeysFromFile(input),
  };
}
