import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ManualRotationPartial } from '../../../../src-shared/models/key-changes';
import type { KeyDetail } from '../../../../src-shared/models/key-detail';
import type { KeyRef } from '../../../../src-shared/schemas/key-ref';
import { useOperation } from '../../api/use-operation';
import { initialMaterial } from '../shared/material-draft';
import { choiceProblems, toRotationInput, type RotationChoices } from './rotation-plan';

export const STEP_LABELS = ['The key today', 'Options', 'Preview', 'Run'] as const;

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The wizard's state: the choices, the step, and the rotation with what it has done so far — kept
 * from its progress, so after a failure it can be continued with the new key it already made.
 */
export function useManualRotation(ref: KeyRef, detail: KeyDetail) {
  const queryClient = useQueryClient();
  const [step, setStep] = useState(0);
  const [showProblems, setShowProblems] = useState(false);
  const [partial, setPartial] = useState<ManualRotationPartial | null>(null);
  const [choices, setChoices] = useState<RotationChoices>(() => ({
    aliases: detail.aliases.ok ? detail.aliases.value.map((a) => a.aliasName) : [],
    material: initialMaterial,
    scheduleDeletion: false,
    deletionDays: 30,
  }));
  const rotation = useOperation('keys.rotateManually', { onPartial: setPartial });
  const status = rotation.state.status;
  useEffect(() => {
    if (status === 'done' || status === 'failed')
      void queryClient.invalidateQueries({ queryKey: ['keys.detail'] });
  }, [status, queryClient]);
  const problems = step === 1 ? choiceProblems(detail.metadata, choices, today()) : {};
  const blocked = Object.keys(problems).length > 0;
  const run = (resume: boolean) => {
    const resumeFrom = resume ? (partial?.newKeyArn ?? null) : null;
    if (!resume) setPartial(null);
    void rotation.start(toRotationInput(ref, detail.metadata, choices, resumeFrom));
  };
  return {
    step,
    choices,
    setChoices: (patch: Partial<RotationChoices>) => setChoices((c) => ({ ...c, ...patch })),
    problems: showProblems ? problems : {},
    blocked,
    next: () => {
      if (blocked) return setShowProblems(true);
      setShowProblems(false);
      setStep((s) => Math.min(s + 1, STEP_LABELS.length - 1));
    },
    back: () => setStep((s) => Math.max(s - 1, 0)),
    goTo: (target: number) => target < step && status === 'idle' && setStep(target),
    start: () => {
      setStep(STEP_LABELS.length - 1);
      run(false);
    },
    resume: () => run(true),
    state: rotation.state,
    partial,
  };
}
