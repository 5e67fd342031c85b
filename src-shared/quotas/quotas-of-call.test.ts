import { describe, expect, it } from 'vitest';
import { requestQuotasOf } from './quotas-of-call';

const keysOf = (service: string, operation: string, input = {}, region = 'us-east-1') =>
  requestQuotasOf({ service, operation, region, input }).map(
    (q) => `${q.key}@${q.rate}/${q.burst}`,
  );

describe('requestQuotasOf', () => {
  it('gives KMS operations their own quota, as requests per second with a bucket of one second', () => {
    expect(keysOf('kms', 'CreateKey')).toEqual(['kms:CreateKey@5/5']);
    expect(keysOf('kms', 'GetParametersForImport')).toEqual(['kms:GetParametersForImport@0.25/1']);
    expect(keysOf('kms', 'GenerateDataKeyPair', { KeyPairSpec: 'RSA_4096', KeyId: 'k' })).toEqual([
      'kms:GenerateDataKeyPair:RSA_4096@0.1/1',
      'kms:crypto:symmetric@50000/50000',
    ]);
  });

  it('charges every pool a key of unknown type could draw on', () => {
    expect(keysOf('kms', 'Encrypt', { KeyId: 'alias/x' }, 'sa-east-1')).toEqual([
      'kms:crypto:symmetric@5500/5500',
      'kms:crypto:rsa@500/500',
      'kms:crypto:ecc@300/300',
    ]);
    expect(keysOf('kms', 'Sign', { KeyId: 'k' })).toEqual([
      'kms:crypto:rsa@500/500',
      'kms:crypto:ecc@300/300',
    ]);
    // Without a key id only a symmetric ciphertext can be decrypted.
    expect(keysOf('kms', 'Decrypt', {})).toEqual(['kms:crypto:symmetric@50000/50000']);
    expect(keysOf('kms', 'GenerateRandom')).toEqual(['kms:crypto:symmetric@50000/50000']);
    expect(keysOf('kms', 'ListKeyRotations')).toEqual([]);
  });

  it('puts EC2 actions in their category, per action, and unfiltered describes in the small bucket', () => {
    expect(keysOf('ec2', 'DescribeSnapshots')).toEqual(['ec2:DescribeSnapshots:unfiltered@10/50']);
    expect(keysOf('ec2', 'DescribeSnapshots', { MaxResults: 100 })).toEqual([
      'ec2:DescribeSnapshots@20/100',
    ]);
    expect(
      keysOf('ec2', 'DescribeVolumes', { Filters: [{ Name: 'encrypted', Values: ['true'] }] }),
    ).toEqual(['ec2:DescribeVolumes@20/100']);
    expect(keysOf('ec2', 'DescribeImages')).toEqual(['ec2:DescribeImages@20/100']);
    expect(keysOf('ec2', 'CopySnapshot')).toEqual(['ec2:CopySnapshot@5/50']);
    expect(keysOf('ec2', 'CopyImage')).toEqual(['ec2:CopyImage@1/100']);
    expect(keysOf('ec2', 'ModifySnapshotAttribute')).toEqual(['ec2:ModifySnapshotAttribute@5/100']);
    expect(keysOf('ec2', 'CreateKeyPair')).toEqual(['ec2:CreateKeyPair@5/50']);
    expect(
      requestQuotasOf({ service: 'ec2', operation: 'X', region: 'r', input: {} })[0]?.refill,
    ).toBe('per-second');
  });

  it('limits LookupEvents to 2 per second, and knows no quota for STS', () => {
    expect(keysOf('cloudtrail', 'LookupEvents')).toEqual(['cloudtrail:LookupEvents@2/2']);
    expect(keysOf('sts', 'GetCallerIdentity')).toEqual([]);
  });
});
