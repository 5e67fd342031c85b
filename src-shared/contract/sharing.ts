import { sharedFindingsSchema } from '../models/shared-item';
import { findSharedInput } from '../schemas/workflow-request';
import { invoke } from './define';

/** What the scope shares with another account, for the revoke-sharing wizard (read-only). */
export const sharingCalls = {
  'sharing.find': invoke({
    summary:
      'Snapshots, AMIs, key policy statements and grants of the scope that name an account (read-only).',
    input: findSharedInput,
    output: sharedFindingsSchema,
  }),
} as const;
