import { z } from 'zod';
import { profileSummarySchema } from '../models/profile';
import { invoke, noInput } from './define';

export const profilesCalls = {
  'profiles.list': invoke({
    summary: 'Profiles Keyward knows, without secrets.',
    input: noInput,
    output: z.array(profileSummarySchema),
  }),
  'regions.list': invoke({
    summary: 'Regions to offer in pickers, with the user’s defaults first.',
    input: noInput,
    output: z.array(
      z.object({ code: z.string(), name: z.string(), isDefault: z.boolean() }).strict(),
    ),
  }),
} as const;
