import { perSecondQuota, type RequestQuota } from './request-quota';

/** CloudTrail's documented LookupEvents limit: 2 requests per second per account and Region. */
export const LOOKUP_EVENTS_RATE = 2;

export function cloudTrailRequestQuotas(operation: string): RequestQuota[] {
  return operation === 'LookupEvents'
    ? [perSecondQuota('cloudtrail:LookupEvents', LOOKUP_EVENTS_RATE)]
    : [];
}
