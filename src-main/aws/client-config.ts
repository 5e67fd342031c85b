import type { AwsCredentialIdentity } from '@aws-sdk/types';

/** How to reach AWS for one profile: its credentials, and the sandbox endpoint when it targets the sandbox. */
export interface AwsTarget {
  readonly credentials: AwsCredentialIdentity | (() => Promise<AwsCredentialIdentity>);
  readonly endpoint?: string;
}

/** SDK client settings shared by every client Keyward makes: adaptive retry, the sandbox endpoint. */
export function clientConfig(target: AwsTarget, region: string) {
  return {
    region,
    credentials: target.credentials,
    retryMode: 'adaptive',
    maxAttempts: 4,
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
  } as const;
}
