import { useMemo, useState } from 'react';
import type { ProfileSummary } from '../../../../src-shared/models/profile';
import { analysePolicy, type PolicyPlace } from '../../components/KeyPolicyEditor/policy-draft';
import {
  initialDraft,
  placeholderKeyArn,
  policyText,
  toCreateInput,
  type CreateKeyDraft,
} from './create-key-form';
import { principalOf, knownPrincipals } from './known-principals';
import { namingStepProblems, typeStepProblems, type StepProblems } from './step-checks';

export const STEP_COUNT = 5;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The wizard's state: the draft (kept across steps), the step, and what blocks each step. */
export function useCreateKeyWizard(
  profiles: readonly ProfileSummary[],
  activeProfileId: string,
  activeRegion: string,
) {
  const [draft, setDraft] = useState<CreateKeyDraft>(() => {
    const profile = profiles.find((p) => p.id === activeProfileId);
    return initialDraft(
      activeProfileId,
      activeRegion,
      profile?.arn ? principalOf(profile.arn) : undefined,
    );
  });
  const [step, setStep] = useState(0);
  const [showProblems, setShowProblems] = useState(false);
  const profile = profiles.find((p) => p.id === draft.profileId);
  const accountId = profile?.accountId ?? '000000000000';
  const callerArn = profile?.arn ?? undefined;
  const place: PolicyPlace = useMemo(
    () => ({
      accountId,
      keyArn: placeholderKeyArn(draft.region, accountId),
      keySpec: draft.keySpec,
      keyUsage: draft.keyUsage,
      ...(callerArn ? { callerArn } : {}),
    }),
    [accountId, draft.region, draft.keySpec, draft.keyUsage, callerArn],
  );
  const text = policyText(draft, accountId);
  const analysis = useMemo(() => analysePolicy(text, place), [text, place]);
  const problems: readonly StepProblems[] = [
    typeStepProblems(draft, today()),
    namingStepProblems(draft),
    {},
    analysis.errors.length > 0 ? { policy: 'Fix the policy problems listed above' } : {},
    {},
  ];
  const current = problems[step] ?? {};
  const next = () => {
    if (Object.keys(current).length > 0) return setShowProblems(true);
    setShowProblems(false);
    setStep((s) => Math.min(s + 1, STEP_COUNT - 1));
  };
  const back = () => setStep((s) => Math.max(s - 1, 0));
  return {
    draft,
    setDraft,
    step,
    goTo: (target: number) => target < step && setStep(target),
    next,
    back,
    problems: showProblems ? current : {},
    blocked: Object.keys(current).length > 0,
    profile,
    accountId,
    place,
    text,
    analysis,
    suggestions: knownPrincipals(profiles, accountId),
    input: () => toCreateInput(draft, text),
  };
}
