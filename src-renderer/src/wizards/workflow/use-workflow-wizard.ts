import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { WorkflowRequest } from '../../../../src-shared/schemas/workflow-request';
import { useApi } from '../../api/api-context';
import { useOperation } from '../../api/use-operation';
import { acceptedFixes } from './accepted-fixes';

/** The engine's three steps every guided job ends with, after its own choice steps. */
export const ENGINE_STEP_LABELS = ['Preview', 'Preflight', 'Run'] as const;

export interface WorkflowWizardOptions {
  /** The labels of the wizard's own choice steps (Preview, Preflight and Run follow them). */
  readonly choiceLabels: readonly string[];
  /** The request the choices make, once they are complete. */
  readonly request: WorkflowRequest | undefined;
  /** What keeps choice step `step` from going on, in the words the form shows. */
  readonly problemsFor: (step: number) => Readonly<Record<string, string>>;
}

/**
 * A guided job's state: the choice steps, the plan the engine made for the request (its run id
 * kept, so the run is the one previewed), the preflight with the fixes ticked, and the run (or
 * its resumption after a failed step).
 */
export function useWorkflowWizard({ choiceLabels, request, problemsFor }: WorkflowWizardOptions) {
  const api = useApi();
  const labels = [...choiceLabels, ...ENGINE_STEP_LABELS];
  const previewStep = choiceLabels.length;
  const preflightStep = previewStep + 1;
  const runStep = preflightStep + 1;
  const [step, setStep] = useState(0);
  const [showProblems, setShowProblems] = useState(false);
  const [fixIds, setFixIds] = useState<ReadonlySet<string>>(new Set());
  const plan = useQuery({
    queryKey: ['workflows.preview', request],
    queryFn: () => api.workflows.preview({ request: request as WorkflowRequest, fixes: [] }),
    enabled: request !== undefined && step >= previewStep,
    staleTime: Infinity,
  });
  const runId = plan.data?.runId;
  const runbook = useQuery({
    queryKey: ['workflows.runbook', request, runId],
    queryFn: () => api.workflows.runbook({ request: request as WorkflowRequest, runId, fixes: [] }),
    enabled: request !== undefined && runId !== undefined && step === previewStep,
    staleTime: Infinity,
  });
  const preflight = useQuery({
    queryKey: ['workflows.preflight', request, runId],
    queryFn: () =>
      api.workflows.preflight({ request: request as WorkflowRequest, runId, fixes: [] }),
    enabled: request !== undefined && runId !== undefined && step === preflightStep,
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
  const stepProblems = step < previewStep ? problemsFor(step) : {};
  return {
    labels,
    step,
    previewStep,
    preflightStep,
    runStep,
    problems: showProblems ? stepProblems : {},
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
    /** Next is blocked on the preview until the plan is there. */
    canGoOn: step !== previewStep || plan.isSuccess,
    next: () => {
      if (step < previewStep && Object.keys(stepProblems).length > 0) return setShowProblems(true);
      setShowProblems(false);
      setStep((s) => Math.min(s + 1, preflightStep));
    },
    back: () => setStep((s) => Math.max(s - 1, 0)),
    goTo: (target: number) => target < step && state.status === 'idle' && setStep(target),
    start: () => {
      if (!request) return;
      setStep(runStep);
      void run.start({ request, runId, fixes: acceptedFixes(offered, fixIds) });
    },
    resume: () => runId && void resume.start({ runId }),
    state,
  };
}

export type WorkflowWizard = ReturnType<typeof useWorkflowWizard>;
