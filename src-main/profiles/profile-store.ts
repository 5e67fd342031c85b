import { join } from 'node:path';
import { z } from 'zod';
import { profileSummarySchema, type ProfileSummary } from '../../src-shared/models/profile';
import type { Logger } from '../log/logger';
import { readJsonFile } from '../storage/json-file';

const profilesFileSchema = z.object({
  version: z.literal(1),
  profiles: z.array(profileSummarySchema),
});

export interface ProfileStore {
  list(): Promise<readonly ProfileSummary[]>;
}

/** Profile metadata in `<dataDir>/profiles.json` (no secrets). Empty until profiles are added. */
export function createProfileStore(dataDir: string, logger: Logger): ProfileStore {
  const path = join(dataDir, 'profiles.json');
  return {
    async list() {
      const read = await readJsonFile(path, profilesFileSchema);
      if (read.state === 'ok') return read.value.profiles;
      if (read.state === 'corrupt') {
        logger.log('warn', 'profiles file was invalid; moved aside', {
          backupPath: read.backupPath,
        });
      }
      return [];
    },
  };
}
