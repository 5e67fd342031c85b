import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { NetworkHttpHandler } from './network/network-handler';
import { networkSettings } from './network/network-settings';

/** How to reach AWS for one profile: its credentials, and where its requests go. */
export interface AwsTarget {
  readonly credentials: AwsCredentialIdentity | (() => Promise<AwsCredentialIdentity>);
  /** The sandbox's loopback endpoint: no proxy, no CA bundle, no FIPS or dual-stack. */
  readonly endpoint?: string;
  /**
   * Real AWS: the ~/.aws/config profile the SDK reads use_fips_endpoint and
   * use_dualstack_endpoint from (shared-config profiles).
   */
  readonly configProfile?: string;
  /**
   * Real AWS through an endpoint of one's own (a VPC interface endpoint, or a test server): the
   * proxy and CA bundle apply as to AWS's own endpoints; FIPS and dual-stack cannot.
   */
  readonly awsEndpoint?: string;
}

/**
 * SDK client settings shared by every client Keyward makes: adaptive retry; for the sandbox its
 * endpoint; for real AWS the network (HTTPS_PROXY / NO_PROXY, the CA bundle) and the FIPS and
 * dual-stack choices. Settings → Network turns FIPS / dual-stack on for every real-AWS profile;
 * otherwise the SDK reads AWS_USE_FIPS_ENDPOINT / AWS_USE_DUALSTACK_ENDPOINT and the shared
 * config (the profile's own section for shared-config profiles), as the AWS CLI does.
 */
export function clientConfig(target: AwsTarget, region: string) {
  const common = {
    region,
    credentials: target.credentials,
    retryMode: 'adaptive',
    maxAttempts: 4,
  } as const;
  if (target.endpoint) {
    return {
      ...common,
      endpoint: target.endpoint,
      useFipsEndpoint: false,
      useDualstackEndpoint: false,
    } as const;
  }
  const settings = networkSettings();
  const endpointChoices = target.awsEndpoint
    ? { endpoint: target.awsEndpoint, useFipsEndpoint: false, useDualstackEndpoint: false }
    : {
        ...(settings.useFipsEndpoint ? { useFipsEndpoint: true } : {}),
        ...(settings.useDualstackEndpoint ? { useDualstackEndpoint: true } : {}),
      };
  return {
    ...common,
    ...endpointChoices,
    ...(target.configProfile ? { profile: target.configProfile } : {}),
    requestHandler: new NetworkHttpHandler(),
  } as const;
}
