import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { NetworkHttpHandler } from './network/network-handler';
import type { NetworkSettings } from './network/network-settings';

/** How to reach AWS for one profile: its credentials, and where its requests go. */
export interface AwsTarget {
  readonly credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
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

/** Where an API that signs nothing (IAM Identity Center's OIDC and portal) is called. */
export interface AwsPlace {
  readonly region: string;
  /** The sandbox's endpoint; absent: real AWS through the network settings. */
  readonly endpoint: string | undefined;
}

/**
 * The SDK's standard retry (exponential backoff with jitter) for what still throttles after the
 * request scheduler, which already paces every account-region inside AWS's published quotas.
 * Not adaptive mode: its client-side limiter belongs to one client, knows no quota, and after a
 * few throttles holds that client near 0.5 calls/s for minutes — wizard 2 under the sandbox's
 * throttle=0.3 fault took 2.1 min with it and 48 s without, on the same loaded machine.
 */
const retry = (maxAttempts: number) => ({
  retryMode: 'standard' as const,
  maxAttempts,
  // The middleware stack (the access layer's included, installed before the first call) is
  // resolved once per command instead of on every call: ≈30 % less client CPU per call, which
  // is what bounds a many-call job such as the Keys inventory.
  cacheMiddleware: true,
});

/**
 * SDK client settings for a profile's client: adaptive retry; for the sandbox its endpoint; for
 * real AWS the network (HTTPS_PROXY / NO_PROXY, the CA bundle) and the FIPS and dual-stack
 * choices. Settings → Network turns FIPS / dual-stack on for every real-AWS profile; otherwise
 * the SDK reads AWS_USE_FIPS_ENDPOINT / AWS_USE_DUALSTACK_ENDPOINT and the shared config (the
 * profile's own section for shared-config profiles), as the AWS CLI does.
 */
export function clientConfig(
  target: AwsTarget,
  region: string,
  network: NetworkSettings,
  maxAttempts = 4,
) {
  const common = { ...retry(maxAttempts), region, credentials: target.credentials };
  if (target.endpoint) {
    return {
      ...common,
      endpoint: target.endpoint,
      useFipsEndpoint: false,
      useDualstackEndpoint: false,
    } as const;
  }
  const endpointChoices = target.awsEndpoint
    ? { endpoint: target.awsEndpoint, useFipsEndpoint: false, useDualstackEndpoint: false }
    : {
        ...(network.useFipsEndpoint ? { useFipsEndpoint: true } : {}),
        ...(network.useDualstackEndpoint ? { useDualstackEndpoint: true } : {}),
      };
  return {
    ...common,
    ...endpointChoices,
    ...(target.configProfile ? { profile: target.configProfile } : {}),
    requestHandler: new NetworkHttpHandler(network),
  } as const;
}

/** Settings for a client of an API that signs nothing: the sandbox, or real AWS's network. */
export function anonymousClientConfig(place: AwsPlace, network: NetworkSettings, maxAttempts = 4) {
  return {
    ...retry(maxAttempts),
    region: place.region,
    ...(place.endpoint
      ? { endpoint: place.endpoint }
      : { requestHandler: new NetworkHttpHandler(network) }),
  } as const;
}
