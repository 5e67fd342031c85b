import { describe, expect, it } from 'vitest';
import type { PlanStep, WorkflowPlan } from '../../../../src-shared/models/workflow-plan';
import { deleteConsentLabel } from './deleted-things';

const step = (id: string, kind: string, undoDeletes: boolean): PlanStep => ({
  id,
  kind,
  profileId: 'backup',
  region: 'us-east-1',
  params: {},
  title: id,
  action: { service: 'ec2', operation: 'x', params: {} },
  cli: 'aws',
  outputs: [],
  undo: '',
  undoDeletes,
});

const planOf = (...steps: PlanStep[]): WorkflowPlan => ({
  runId: 'run-00000001',
  job: 'share-ami',
  title: 't',
  variables: [],
  steps,
});

describe('the consent undo asks for', () => {
  it('names the instance a launch made, not snapshot copies', () => {
    const plan = planOf(
      step('key-policy', 'add-key-policy-statement', false),
      step('launch', 'launch-instance', true),
    );
    expect(deleteConsentLabel(plan)).toBe(
      'Delete what this run created: the instance (terminated). It cannot be brought back.',
    );
  });

  it('counts several things of one kind', () => {
    const plan = planOf(
      step('copy-1', 'copy-snapshot', true),
      step('copy-2', 'copy-snapshot', true),
      step('volume', 'create-volume', true),
    );
    expect(deleteConsentLabel(plan)).toBe(
      'Delete what this run created: 2 snapshot copies, the volume. It cannot be brought back.',
    );
  });
});
