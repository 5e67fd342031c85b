import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../api/api-context';
import { useOperation } from '../../api/use-operation';
import {
  acceptedFixes,
  choiceProblems,
  initialChoices,
  toCopyRequest,
  type CopyChoices,
  type CopySource,
} from './copy-snapshot-form';

export const STEP_LABELS = ['Destination', 'Preview', 'Preflight', 'Run'] as const;

/**
 * The wizard's state: the choices, the plan the engine made for them (its run id kept, so the run
 * is the one previewed), the preflight with the fixes ticked, and the run.
 */
export function useCopySnapshot(source: CopySource) {
  const api = useApi();
  const [step, setStep] = useState(0);
  const [choices, setChoicesState] = useState<CopyChoices>(initialChoices);
  const [showProblems, setShowProblems] = useState(false);
  const [fixIds, setFixIds] = useState<ReadonlySet<string>>(new Set());
  const request = toCopyRequest(source, choices);
  const problems = choiceProblems(source, choices);
  const ready = Object.keys(problems).length === 0;
  const plan = useQuery({
    queryKey: ['workflows.preview', request],
    queryFn: () => api.workflows.preview({ request, fixes: [] }),
    enabled: ready && step >= 1,
    staleTime: Infinity,
  });
  const runId = plan.data?.runId;
  const runbook = useQuery({
    queryKey: ['workflows.runbook', request, runId],
    queryFn: () => api.workflows.runbook({ request, runId, fixes: [] }),
    enabled: runId !== undefined && step === 1,
    staleTime: Infinity,
  });
  const preflight = useQuery({
    queryKey: ['workflows.preflight', request, runId],
    queryFn: () => api.workflows.preflight({ request, runId, fixes: [] }),
    enabled: runId !== undefined && step === 2,
    staleTime: 0,
    gcTime: 0,
  });
  const offered = (preflight.data?.checks ?? []).flatMap((c) => (c.fix ? [c.fix] : []));
  const unfixed = (preflight.data?.checks ?? []).filter(
    (c) => c.status === 'failed' && !(c.fix && fixIds.has(c.fix.step.id)),
  );
  const run = useOperation('workflows.start');
  /** After a failed step: continues the same run from its journal, redoing nothing done. */
  const resume = useOperation('workflows.resume');
  const state = resume.state.status === 'idle' ? run.state : resume.state;
  const status = state.status;
  return {
    step,
    choices,
    setChoices: (patch: Partial<CopyChoices>) => setChoicesState((c) => ({ ...c, ...patch })),
    problems: showProblems ? problems : {},
    plan,
    runbook,
    preflight,
    fixIds,
    toggleFix: (id: string) =>
      setFixIds((current) => {
        const next = new Set(current);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    /** The run waits for a clean preflight, or for a fix ticked for every failed check. */
    canRun: preflight.isSuccess && unfixed.length === 0,
    next: () => {
      if (step === 0 && !ready) return setShowProblems(true);
      setShowProblems(false);
      setStep((s) => Math.min(s + 1, STEP_LABELS.length - 2));
    },
    back: () => setStep((s) => Math.max(s - 1, 0)),
    goTo: (target: number) => target < step && status === 'idle' && setStep(target),
    start: () => {
      setStep(STEP_LABELS.length - 1);
      void run.start({ request, runId, fixes: acceptedFixes(offered, fixIds) });
    },
    resume: () => runId && void resume.start({ runId }),
    state,
  };
}
