import { describe, expect, it } from 'vitest';
import { crossAccountPairProblem } from './cross-account';

const prod = { id: 'p', name: 'prod', accountId: '111111111111', target: 'sandbox' } as const;
const developer = { id: 'd', name: 'dev', accountId: '111111111111', target: 'sandbox' } as const;
const backup = { id: 'b', name: 'backup', accountId: '222222222222', target: 'sandbox' } as const;

describe('cross-account pair', () => {
  it('accepts two profiles of different accounts in the same place', () => {
    expect(crossAccountPairProblem(prod, backup)).toBeNull();
  });

  it('asks for both sides', () => {
    expect(crossAccountPairProblem(undefined, backup)?.field).toBe('sourceProfileId');
    expect(crossAccountPairProblem(prod, undefined)?.field).toBe('targetProfileId');
  });

  it('refuses the same profile twice', () => {
    expect(crossAccountPairProblem(prod, prod)?.message).toMatch(/same profile/);
  });

  it('refuses two profiles of the same account, naming it', () => {
    const problem = crossAccountPairProblem(prod, developer);
    expect(problem).toEqual({
      field: 'targetProfileId',
      message: expect.stringContaining('Both profiles are in account 111111111111') as unknown,
    });
  });

  it('refuses a profile whose account is not known yet', () => {
    const unverified = { ...backup, accountId: null };
    expect(crossAccountPairProblem(prod, unverified)?.message).toMatch(/verify the profile/);
    expect(crossAccountPairProblem(unverified, prod)?.field).toBe('sourceProfileId');
  });

  it('refuses mixing the sandbox and AWS', () => {
    const real = { ...backup, target: 'aws' } as const;
    expect(crossAccountPairProblem(prod, real)?.message).toMatch(/same place/);
  });
});
