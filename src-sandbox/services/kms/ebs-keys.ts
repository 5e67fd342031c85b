import type { ServiceContext } from '../types';
import { createEbsGrant, type EbsAttachment, type EbsGrantCall } from './ebs-grants';
import { kmsAccessDeniedMessage } from './errors';
import { keyAuthorizeOptions, keyContext, recordUsage } from './key-access';
import { ensureAwsManagedKey } from './key-factory';
import { findKey, parseKeyRef } from './key-resolver';
import { stateProblem } from './key-state';
import { KMS_EVENT_SOURCE } from './material-versions';
import type { KmsKeyDoc } from './model';

/**
 * The account's AWS managed `aws/ebs` key in `region`, created on first use as AWS does
 * (KeyManager AWS, its AWS-managed policy per §2.6.4 with kms:ViaService
 * ec2.<region>.amazonaws.com and kms:CallerAccount).
 */
export function awsManagedEbsKey(
  ctx: ServiceContext,
  account: string,
  region: string,
): { readonly keyId: string; readonly arn: string } {
  const key = ensureAwsManagedKey(ctx.store, account, region, 'ebs', ctx.now().getTime());
  return { keyId: key.keyId, arn: key.arn };
}

export interface Ec2KeyInfo {
  readonly arn: string;
  readonly keyId: string;
  readonly account: string;
  readonly region: string;
  readonly keyManager: 'AWS' | 'CUSTOMER';
  readonly keyState: string;
  readonly keySpec: string;
  readonly keyUsage: string;
}

function lookUp(ctx: ServiceContext, keyRef: string, region: string): KmsKeyDoc | undefined {
  try {
    const ref = parseKeyRef(keyRef, ctx.account, region, 'any');
    if (ref.region !== region) return undefined;
    return findKey(ctx, ref);
  } catch {
    return undefined;
  }
}

/**
 * Resolves a KmsKeyId parameter as EC2 does (key id, key ARN, alias name `alias/x`, alias
 * ARN) in `region`; undefined when it does not exist.
 */
export function resolveKeyForEc2(
  ctx: ServiceContext,
  keyRef: string,
  region: string,
): Ec2KeyInfo | undefined {
  const key = lookUp(ctx, keyRef, region);
  if (!key) return undefined;
  return {
    arn: key.arn,
    keyId: key.keyId,
    account: key.account,
    region: key.region,
    keyManager: key.keyManager,
    keyState: key.keyState,
    keySpec: key.keySpec,
    keyUsage: key.keyUsage,
  };
}

export type Ec2KmsOperation =
  | 'DescribeKey'
  | 'CreateGrant'
  | 'Decrypt'
  | 'GenerateDataKeyWithoutPlaintext'
  | 'ReEncryptFrom'
  | 'ReEncryptTo';

type Outcome =
  { readonly ok: true } | { readonly ok: false; readonly code: string; readonly message: string };

function recordKmsCall(
  ctx: ServiceContext,
  key: KmsKeyDoc,
  operation: string,
  region: string,
  failure?: { code: string; message: string },
  grant?: EbsGrantCall,
): void {
  // ReEncryptFrom/ReEncryptTo are one ReEncrypt call in CloudTrail.
  const eventName = operation.startsWith('ReEncrypt') ? 'ReEncrypt' : operation;
  const recipients = key.account === ctx.account ? [ctx.account] : [ctx.account, key.account];
  for (const recipientAccountId of recipients) {
    ctx.recordEvent({
      eventName,
      eventSource: KMS_EVENT_SOURCE,
      awsRegion: region,
      invokedBy: 'ec2.amazonaws.com',
      readOnly: operation === 'DescribeKey',
      recipientAccountId,
      requestParameters: grant?.requestParameters ?? { keyId: key.arn },
      responseElements: grant?.responseElements ?? null,
      ...(failure ? { errorCode: failure.code, errorMessage: failure.message } : {}),
      resources: [{ accountId: key.account, type: 'AWS::KMS::Key', ARN: key.arn }],
    });
  }
}

/**
 * EC2 uses KMS on the caller's behalf: for each op, checks the caller may call kms:<op> on the
 * key with kms:ViaService = ec2.<region>.amazonaws.com and kms:CallerAccount (key policy
 * gatekeeper + IAM + grants; key must be Enabled), records each call in CloudTrail (userIdentity
 * of the caller, invokedBy ec2.amazonaws.com, in the caller's and the key owner's accounts), and
 * answers instead of throwing. Stops at the first failing operation. With an `attachment`,
 * CreateGrant creates the grant EBS makes for the instance (ebs-grants.ts).
 */
export function ec2UseKey(
  ctx: ServiceContext,
  keyArn: string,
  operations: readonly Ec2KmsOperation[],
  region: string,
  attachment?: EbsAttachment,
): Outcome {
  const key = lookUp(ctx, keyArn, region);
  if (!key) {
    return { ok: false, code: 'NotFoundException', message: `Key '${keyArn}' does not exist` };
  }
  for (const operation of operations) {
    const action = `kms:${operation}`;
    const context = keyContext(ctx, key, {
      'kms:ViaService': `ec2.${region}.amazonaws.com`,
      'aws:ViaAWSService': true,
      ...(operation === 'CreateGrant' ? { 'kms:GrantIsForAWSResource': true } : {}),
    });
    const options = keyAuthorizeOptions(ctx, key);
    const authorization = ctx.checkAccess(action, key.arn, context, options);
    let failure: { code: string; message: string } | undefined;
    if (!authorization.allowed) {
      failure = {
        code: 'AccessDeniedException',
        message: kmsAccessDeniedMessage({
          callerArn: ctx.caller.arn,
          action,
          resource: key.arn,
          authorization,
          hadResourcePolicy: options.resourcePolicy !== undefined,
        }),
      };
    } else {
      const problem = stateProblem(key, operation);
      if (problem) failure = { code: problem.code, message: problem.message };
    }
    const grant =
      !failure && operation === 'CreateGrant' && attachment
        ? createEbsGrant(ctx, key, region, attachment)
        : undefined;
    recordKmsCall(ctx, key, operation, region, failure, grant);
    if (failure) return { ok: false, ...failure };
    recordUsage(ctx, key, operation);
  }
  return { ok: true };
}
