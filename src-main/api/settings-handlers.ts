import type { SettingsStore } from '../settings/settings-store';
import type { Handlers } from './handler-types';

export function createSettingsHandlers(
  settings: SettingsStore,
): Handlers<'settings.get' | 'settings.set'> {
  return {
    'settings.get': () => settings.get(),
    'settings.set': (patch) => settings.update(patch),
  };
}
