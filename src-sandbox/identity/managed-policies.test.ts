import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src-shared/policy';
import { AWS_MANAGED_POLICIES, attachedPolicyTexts, findManagedPolicy } from './managed-policies';

describe('AWS managed policy catalog', () => {
  it('holds valid identity policies with AWS-style ARNs and ids', () => {
    expect(AWS_MANAGED_POLICIES.length).toBeGreaterThan(10);
    for (const p of AWS_MANAGED_POLICIES) {
      expect(p.arn).toBe(`arn:aws:iam::aws:policy${p.path}${p.name}`);
      expect(p.id).toMatch(/^ANPA[A-Z0-9]{17}$/);
      expect(parsePolicy(p.document, 'identity').ok).toBe(true);
    }
    expect(new Set(AWS_MANAGED_POLICIES.map((p) => p.id)).size).toBe(AWS_MANAGED_POLICIES.length);
  });

  it('finds policies by ARN and skips unknown ones', () => {
    const admin = 'arn:aws:iam::aws:policy/AdministratorAccess';
    expect(findManagedPolicy(admin)?.name).toBe('AdministratorAccess');
    expect(findManagedPolicy('arn:aws:iam::aws:policy/Nope')).toBeUndefined();
    expect(attachedPolicyTexts([admin, 'arn:aws:iam::aws:policy/Nope'])).toHaveLength(1);
  });
});
