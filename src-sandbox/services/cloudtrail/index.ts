import { SandboxError } from '../../protocols/sandbox-error';
import type { TrailStore } from '../../trail/trail-store';
import { JSON_ERROR_STYLE } from '../error-styles';
import type { ServiceDefinition } from '../types';
import { lookupEventsOperation, type LookupReader } from './lookup-events';
import { LOOKUP_EVENTS_RATE } from '../../../src-shared/quotas/cloudtrail';
import { TokenBuckets, type RequestRate } from '../../../src-shared/quotas/token-bucket';

export type { RequestRate } from '../../../src-shared/quotas/token-bucket';

export interface CloudTrailOptions {
  /** The running sandbox's event history. */
  readonly trail?: Pick<TrailStore, 'query'>;
  /** LookupEvents requests per second per account and region (default 2, AWS's limit); `off`. */
  readonly lookupEventsRate?: RequestRate;
}

const unbound: LookupReader = () => {
  throw new SandboxError('InternalFailure', 'CloudTrail is not bound to an event history', 500);
};

/**
 * CloudTrail (awsJson1_1, reference §1.4 and §5): LookupEvents only. Both target prefixes are
 * accepted: `CloudTrail_20131101` (JS v3) and `com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101`
 * (botocore/CLI). Each running sandbox gets its own instance (its trail, its rate buckets).
 */
export function createCloudTrailService(options: CloudTrailOptions = {}): ServiceDefinition {
  const buckets = new TokenBuckets(options.lookupEventsRate ?? LOOKUP_EVENTS_RATE, undefined, () =>
    performance.now(),
  );
  const trail = options.trail;
  const read: LookupReader = trail ? (q) => trail.query(q) : unbound;
  return {
    name: 'cloudtrail',
    eventSource: 'cloudtrail.amazonaws.com',
    wire: {
      protocol: 'awsJson1_1',
      apiVersion: '2013-11-01',
      targetPrefixes: [
        'CloudTrail_20131101',
        'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101',
      ],
      errorMessageKey: 'Message',
    },
    errors: JSON_ERROR_STYLE,
    operations: { LookupEvents: lookupEventsOperation(buckets, read) },
  };
}

/** The registration in SERVICES; `bindCloudTrail` gives each sandbox a bound copy. */
export const cloudtrailService: ServiceDefinition = createCloudTrailService();

/** Replaces the `cloudtrail` entry of a service list with one bound to `options.trail`. */
export function bindCloudTrail(
  services: readonly ServiceDefinition[],
  options: CloudTrailOptions,
): readonly ServiceDefinition[] {
  return services.map((s) => (s.name === 'cloudtrail' ? createCloudTrailService(options) : s));
}
