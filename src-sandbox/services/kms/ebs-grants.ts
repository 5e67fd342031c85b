import type { ServiceContext } from '../types';
import { newGrantId } from './grant-rules';
import { KMS_GRANT, scopeOf, type KmsKeyDoc } from './model';

/** An encrypted volume being attached to an instance (RunInstances). */
export interface EbsAttachment {
  readonly instanceId: string;
  readonly volumeId: string;
}

/** What the CreateGrant EBS makes looks like in CloudTrail. */
export interface EbsGrantCall {
  readonly requestParameters: Record<string, unknown>;
  readonly responseElements: Record<string, unknown>;
}

/**
 * The grant EBS creates when it attaches an encrypted volume (reference §3.5, §2.7): grantee
 * the instance's `aws:ec2-infrastructure` session, retiring principal EC2 in the Region,
 * `Decrypt` limited to the volume's encryption context. It is made with the caller's identity
 * and authorised with `kms:GrantIsForAWSResource = true`; ListGrants on the key shows it.
 */
export function createEbsGrant(
  ctx: ServiceContext,
  key: KmsKeyDoc,
  region: string,
  attachment: EbsAttachment,
): EbsGrantCall {
  const grantId = newGrantId();
  const granteePrincipal = `arn:aws:sts::${ctx.account}:assumed-role/aws:ec2-infrastructure/${attachment.instanceId}`;
  const retiringPrincipal = `ec2.${region}.amazonaws.com`;
  const constraints = { EncryptionContextSubset: { 'aws:ebs:id': attachment.volumeId } };
  ctx.store.put(KMS_GRANT, scopeOf(key), grantId, {
    grantId,
    keyId: key.keyId,
    keyArn: key.arn,
    creationDate: ctx.now().getTime(),
    granteePrincipal,
    retiringPrincipal,
    issuingAccount: ctx.account,
    operations: ['Decrypt'],
    constraints,
  });
  return {
    requestParameters: {
      keyId: key.arn,
      granteePrincipal,
      retiringPrincipal,
      operations: ['Decrypt'],
      constraints: { encryptionContextSubset: { 'aws:ebs:id': attachment.volumeId } },
    },
    responseElements: { grantId, keyId: key.arn },
  };
}
