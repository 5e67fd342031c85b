import { settingsPatchSchema, settingsSchema } from '../schemas/settings';
import { invoke, noInput } from './define';

export const settingsCalls = {
  'settings.get': invoke({
    summary: 'The saved settings, or the defaults on first run.',
    input: noInput,
    output: settingsSchema,
  }),
  'settings.set': invoke({
    summary: 'Changes the named settings and saves them atomically; answers the new settings.',
    input: settingsPatchSchema,
    output: settingsSchema,
  }),
} as const;
