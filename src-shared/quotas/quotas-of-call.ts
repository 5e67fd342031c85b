import { cloudTrailRequestQuotas } from './cloudtrail';
import { ec2RequestQuota, ec2ShapeOf } from './ec2';
import { kmsRequestQuotas } from './kms';
import type { RequestQuota } from './request-quota';

/** One API call as a client sees it: SDK-style input (`KeyId`, `Filters`, …). */
export interface AwsCall {
  /** The signing name: `kms`, `ec2`, `cloudtrail`, `sts`, … */
  readonly service: string;
  readonly operation: string;
  readonly region: string;
  readonly input: Readonly<Record<string, unknown>>;
}

/**
 * Every published request quota a call counts against, in its account and Region. Services
 * without a table here (STS, IAM, IAM Identity Center) have none: the scheduler still caps their
 * concurrency, and the SDK's adaptive retry handles any throttling.
 */
export function requestQuotasOf(call: AwsCall): RequestQuota[] {
  switch (call.service) {
    case 'kms':
      return kmsRequestQuotas(call.operation, call.input, call.region);
    case 'ec2':
      return [ec2RequestQuota(call.operation, ec2ShapeOf(call.input))];
    case 'cloudtrail':
      return cloudTrailRequestQuotas(call.operation);
    default:
      return [];
  }
}
