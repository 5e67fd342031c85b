import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { ProfileSummary } from '../../src-shared/models/profile';
import type { AwsTarget } from '../aws/client-config';
import type { ClientFactory } from '../aws/client-factory';
import type { AwsPrincipal } from '../aws/principal';
import type { EmbeddedSandbox } from '../sandbox/embedded-sandbox';
import { checkIdentity } from './identity-check';
import type { VerifiedIdentity } from './profile-store';

/** The demo identities the sandbox writes to its credentials file, in the order users meet them. */
const SANDBOX_PROFILES = ['prod', 'backup', 'partner', 'prod-developer'] as const;
const REGION = 'us-east-1';

export interface SandboxProfile {
  readonly summary: ProfileSummary;
  readonly principal: AwsPrincipal;
}

/**
 * The embedded sandbox's identities appear as profiles on their own ("Sandbox · prod", …); they
 * need no keychain entry because their keys are the sandbox's own demo keys.
 */
export function createSandboxProfiles(sandbox: EmbeddedSandbox | undefined, aws: ClientFactory) {
  const identities = new Map<string, Promise<VerifiedIdentity | Error>>();

  async function load(): Promise<readonly SandboxProfile[]> {
    const running = await sandbox?.ready;
    if (!running) return [];
    const files = await loadSharedConfigFiles({
      filepath: running.credentialsFile,
      configFilepath: running.configFile,
      ignoreCache: true,
    });
    const profiles: SandboxProfile[] = [];
    for (const name of SANDBOX_PROFILES) {
      const keys = files.credentialsFile[name];
      if (!keys?.aws_access_key_id || !keys.aws_secret_access_key) continue;
      const target: AwsTarget = {
        endpoint: running.endpoint,
        credentials: {
          accessKeyId: keys.aws_access_key_id,
          secretAccessKey: keys.aws_secret_access_key,
        },
      };
      const id = `sandbox:${name}`;
      const principal = (accountId: string | undefined): AwsPrincipal => ({
        id,
        profileId: id,
        revision: running.endpoint,
        accountId,
        target,
      });
      const key = `${running.endpoint}|${name}`;
      if (!identities.has(key)) {
        identities.set(
          key,
          checkIdentity(aws, principal(undefined), REGION).catch(
            (error: unknown) => error as Error,
          ),
        );
      }
      const identity = await identities.get(key);
      const verified = identity && !(identity instanceof Error) ? identity : undefined;
      profiles.push({
        principal: principal(verified?.accountId),
        summary: {
          id,
          name: `Sandbox · ${name}`,
          kind: 'sandbox',
          target: 'sandbox',
          defaultRegion: REGION,
          status: verified ? 'verified' : 'failed',
          accountId: verified?.accountId ?? null,
          arn: verified?.arn ?? null,
          principalType: verified?.principalType ?? null,
          lastVerifiedAt: verified?.verifiedAt ?? null,
          lastError: identity instanceof Error ? identity.message : null,
          accessKeyHint: null,
          mfaSerial: null,
          roleArn: null,
          configProfile: null,
          sourceProfileId: null,
          roleOptions: null,
          sso: null,
          session: null,
          needsMfa: false,
          removable: false,
        },
      });
    }
    return profiles;
  }

  return { list: load };
}
