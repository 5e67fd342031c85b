import { fromIni } from '@aws-sdk/credential-providers';
import { KeywardError } from '../../src-shared/errors';
import type { AwsTarget } from '../aws/client-config';

/**
 * A profile that stays in ~/.aws/config (AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE honoured),
 * resolved by the SDK's own provider: credential_process, source_profile role chains, cached SSO
 * tokens — which covers aws-vault and Granted. Keyward stores only the profile's name.
 */
export function sharedConfigTarget(configProfile: string, endpoint: string | undefined): AwsTarget {
  const provider = fromIni({ profile: configProfile, ignoreCache: true });
  // The SDK hands a provider its client's config: passing it on lets the role-chain and SSO
  // clients inside fromIni use the same proxy and CA bundle as the client itself.
  const credentials = async (options?: Parameters<typeof provider>[0]) => {
    try {
      return await provider(options);
    } catch (error) {
      throw new KeywardError(
        'credentials-missing',
        `The AWS config profile “${configProfile}” gave no credentials: ${(error as Error).message}`,
        {
          hint: 'Check the profile in ~/.aws/config (or AWS_CONFIG_FILE); run the same command with the AWS CLI to see its output.',
        },
      );
    }
  };
  return endpoint ? { credentials, endpoint } : { credentials, configProfile };
}
