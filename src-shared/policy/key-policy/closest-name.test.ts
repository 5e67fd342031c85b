import { describe, expect, it } from 'vitest';
import { closestName } from './closest-name';

describe('closestName', () => {
  const known = ['kms:Decrypt', 'kms:Encrypt', 'kms:DescribeKey'];

  it('suggests the nearest name for a typo, ignoring case', () => {
    expect(closestName('kms:Decrpyt', known)).toBe('kms:Decrypt');
    expect(closestName('KMS:describekey', known)).toBe('kms:DescribeKey');
  });

  it('suggests nothing for a different name', () => {
    expect(closestName('kms:ScheduleKeyDeletion', known)).toBeUndefined();
  });
});
