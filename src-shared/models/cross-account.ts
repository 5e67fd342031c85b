import type { ProfileSummary } from './profile';

/** Why two profiles cannot be the source and target of a cross-account job, or null when they can. */
export interface PairProblem {
  readonly field: 'sourceProfileId' | 'targetProfileId';
  readonly message: string;
}

type PairSide = Pick<ProfileSummary, 'id' | 'name' | 'accountId' | 'target'>;

function unknownAccount(profile: PairSide, field: PairProblem['field']): PairProblem {
  return {
    field,
    message: `Keyward does not know the account of “${profile.name}” yet: verify the profile (or start its session) first.`,
  };
}

export function crossAccountPairProblem(
  source: PairSide | undefined,
  target: PairSide | undefined,
): PairProblem | null {
  if (!source) return { field: 'sourceProfileId', message: 'Choose the source profile.' };
  if (!target) return { field: 'targetProfileId', message: 'Choose the target profile.' };
  if (source.id === target.id) {
    return {
      field: 'targetProfileId',
      message: 'Source and target are the same profile: choose a profile of the other account.',
    };
  }
  if (source.target !== target.target) {
    const world = (side: PairSide) => (side.target === 'sandbox' ? 'the sandbox' : 'AWS');
    return {
      field: 'targetProfileId',
      message: `“${source.name}” acts on ${world(source)} and “${target.name}” on ${world(target)}: both sides of a job must be in the same place.`,
    };
  }
  if (source.accountId === null) return unknownAccount(source, 'sourceProfileId');
  if (target.accountId === null) return unknownAccount(target, 'targetProfileId');
  if (source.accountId === target.accountId) {
    return {
      field: 'targetProfileId',
      message: `Both profiles are in account ${source.accountId}. A cross-account job needs two accounts: choose a target profile of the other account.`,
    };
  }
  return null;
}
