import { describe, expect, it } from 'vitest';
import type { AmiDisk } from '../../../../src-shared/models/ami';
import type { EbsKey } from '../../../../src-shared/models/ebs-key';
import { amiEncryption, encryptionBadge, keyDetailPath, sharingBadge } from './ebs-labels';

const key = (over: Partial<EbsKey>): EbsKey => ({
  keyArn: 'arn:aws:kms:us-east-1:111111111111:key/k1',
  keyId: 'k1',
  accountId: '111111111111',
  region: 'us-east-1',
  manager: 'customer',
  state: 'Enabled',
  aliases: ['alias/ebs-workloads'],
  error: null,
  ...over,
});
const disk = (k: EbsKey | null, encrypted = true): AmiDisk => ({
  deviceName: '/dev/xvda',
  snapshotId: 'snap-1',
  sizeGiB: 8,
  encryption: { encrypted, key: k },
});

describe('EBS labels', () => {
  it('names the encryption as the user must act on it', () => {
    expect(encryptionBadge({ encrypted: false, key: null })).toMatchObject({
      tone: 'neutral',
      label: 'Not encrypted',
    });
    expect(encryptionBadge({ encrypted: true, key: key({}) }).label).toBe(
      'Encrypted · customer managed key alias/ebs-workloads',
    );
    expect(
      encryptionBadge({
        encrypted: true,
        key: key({ manager: 'aws', aliases: ['alias/aws/ebs'] }),
      }),
    ).toMatchObject({
      tone: 'warning',
      label: "Encrypted · aws/ebs (can't be shared — re-encrypt first)",
    });
    expect(
      encryptionBadge({ encrypted: true, key: key({ manager: null, accountId: '222222222222' }) })
        .label,
    ).toBe('Encrypted · key of 222222222222 (not readable here)');
  });

  it('sums an AMI over its disks: aws/ebs on any disk wins, several keys are counted', () => {
    expect(amiEncryption([disk(key({})), disk(key({}))]).label).toBe(
      'Encrypted · customer managed key alias/ebs-workloads',
    );
    expect(amiEncryption([disk(key({})), disk(key({ keyArn: 'b', keyId: 'b' }))]).label).toBe(
      'Encrypted · 2 keys',
    );
    expect(amiEncryption([disk(key({})), disk(key({ keyArn: 'b', manager: 'aws' }))]).tone).toBe(
      'warning',
    );
    expect(amiEncryption([disk(key({})), disk(null, false)]).label).toBe('Partly encrypted');
  });

  it('says who shared it, or who it is shared with once read', () => {
    const owned = { ownership: 'owned' as const, ownerId: '111111111111' };
    const ref = {
      profileId: 'p',
      region: 'us-east-1',
      id: 'snap-1',
      organizations: [],
      error: null,
    };
    expect(
      sharingBadge({ ownership: 'shared-with-me', ownerId: '222222222222' }, undefined)?.label,
    ).toBe('Shared with you by 222222222222');
    expect(sharingBadge(owned, undefined)).toBeNull();
    expect(sharingBadge(owned, { ...ref, accounts: ['1', '2'], public: false })?.label).toBe(
      'Shared with 2 accounts',
    );
    expect(sharingBadge(owned, { ...ref, accounts: [], public: false })?.label).toBe('Not shared');
    expect(sharingBadge(owned, { ...ref, accounts: [], public: true })?.tone).toBe('danger');
  });

  it('links to the key page only for the profile’s own readable keys', () => {
    const row = { profileId: 'prod', region: 'us-east-1', accountId: '111111111111' };
    expect(keyDetailPath(row, key({}))).toBe('/keys/prod/us-east-1/k1');
    expect(keyDetailPath(row, key({ accountId: '222222222222' }))).toBeNull();
  });
});
