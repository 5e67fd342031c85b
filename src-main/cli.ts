// `keyward credentials --profile <name> [--data-dir <dir>] [--endpoint-url <sandbox>]` (bin/keyward.mjs)
// prints credential_process JSON (https://docs.aws.amazon.com/cli/latest/topic/config-vars.html)
// so the AWS CLI and Terraform use keychain-held credentials without a plaintext file. With the
// encrypted file store, the passphrase comes from KEYWARD_FILE_STORE_PASSPHRASE or the terminal.
import { parseArgs } from 'node:util';
import { KeywardError } from '../src-shared/errors';
import { defaultDataDir } from './app/data-dir';
import { createClientFactory } from './aws/client-factory';
import { networkSettingsOf } from './aws/network/network-settings';
import { credentialProcessOutput } from './credentials/credential-process';
import { cliSecretStore } from './credentials/cli-secret-store';
import { silentLogger } from './log/logger';
import { createProfileService } from './profiles/profile-service';
import { createProfileStore } from './profiles/profile-store';
import { createSettingsStore } from './settings/settings-store';

const usage =
  'usage: keyward credentials --profile <name> [--data-dir <dir>] [--endpoint-url <sandbox endpoint>]';

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      profile: { type: 'string' },
      'data-dir': { type: 'string' },
      'endpoint-url': { type: 'string' },
    },
  });
  if (positionals[0] !== 'credentials' || !values.profile) {
    console.error(usage);
    return 2;
  }
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const settings = createSettingsStore(dataDir, silentLogger);
  const profiles = createProfileService({
    store: createProfileStore(dataDir, silentLogger),
    secrets: cliSecretStore({ dataDir, store: (await settings.get()).secretStore }),
    sandbox: undefined,
    // A role is assumed through the proxy and CA bundle the app is set up with.
    aws: createClientFactory({
      network: async () => networkSettingsOf(await settings.get()),
      logger: silentLogger,
    }),
    ...(values['endpoint-url'] ? { sandboxEndpoint: values['endpoint-url'] } : {}),
  });
  const profile = (await profiles.list()).find((candidate) => candidate.name === values.profile);
  if (!profile) {
    console.error(`keyward: no profile named "${values.profile}" in ${dataDir}`);
    return 1;
  }
  const credentials = await profiles.resolver.credentials(profile.id);
  process.stdout.write(`${JSON.stringify(credentialProcessOutput(credentials))}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const hint = error instanceof KeywardError && error.hint ? ` ${error.hint}` : '';
    console.error(`keyward: ${error instanceof Error ? error.message : String(error)}${hint}`);
    process.exit(1);
  },
);
