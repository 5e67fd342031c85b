import type { AwsCredentialIdentity } from '@aws-sdk/types';

/** The JSON the AWS CLI and SDKs expect from a `credential_process` (Version 1). */
export function credentialProcessOutput(credentials: AwsCredentialIdentity) {
  return {
    Version: 1,
    AccessKeyId: credentials.accessKeyId,
    SecretAccessKey: credentials.secretAccessKey,
    ...(credentials.sessionToken ? { SessionToken: credentials.sessionToken } : {}),
    ...(credentials.expiration ? { Expiration: credentials.expiration.toISOString() } : {}),
  };
}
