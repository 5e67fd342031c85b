import {
  importResultSchema,
  importScanSchema,
  removeKeysResultSchema,
} from '../models/profile-import';
import { importProfilesInput, removeKeysFromFileInput } from '../schemas/profile-import-input';
import { invoke, noInput } from './define';

/** Import from ~/.aws/config and ~/.aws/credentials (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE). */
export const profileImportCalls = {
  'profiles.importScan': invoke({
    summary:
      'Lists the profiles in the AWS CLI files and the Keyward kind each would become; never a secret.',
    input: noInput,
    output: importScanSchema,
  }),
  'profiles.import': invoke({
    summary:
      'Imports the chosen AWS CLI profiles (sources before the roles using them); static keys go to the OS keychain.',
    input: importProfilesInput,
    output: importResultSchema,
  }),
  'profiles.removeKeysFromFile': invoke({
    summary:
      'After a confirmation: backs up the credentials file, then removes the keys of profiles now in the keychain.',
    input: removeKeysFromFileInput,
    output: removeKeysResultSchema,
  }),
} as const;
