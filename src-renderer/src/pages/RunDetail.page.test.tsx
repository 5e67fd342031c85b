import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { RunEvents } from '../../../src-shared/models/run-events';
import type { WorkflowRun } from '../../../src-shared/models/workflow-plan';
import { createMockBridge, okAnswer } from '../test-utils/mock-bridge';
import { render } from '../test-utils/render';
import { RunDetailPage } from './RunDetail.page';

const step = (id: string, title: string, operation: string) => ({
  id,
  kind: id,
  profileId: 'sandbox:prod',
  region: 'eu-west-1',
  params: {},
  title,
  action: { service: 'ec2', operation, params: {} },
  cli: `aws ec2 ${id}`,
  outputs: [],
  undo: 'Nothing to undo.',
  undoDeletes: false,
});

const failedRun: WorkflowRun = {
  runId: 'run-failed-1',
  plan: {
    runId: 'run-failed-1',
    job: 'copy-snapshot',
    title: 'Copy snap-1 from us-east-1 to eu-west-1',
    variables: [],
    steps: [
      {
        ...step('copy', 'Copy snap-1 to eu-west-1', 'CopySnapshot'),
        undo: 'Deletes the copy (asks first).',
        undoDeletes: true,
      },
      step('tags', 'Tag the copy', 'CreateTags'),
    ],
  },
  status: 'failed',
  createdAt: '2026-12-03T09:00:00.000Z',
  updatedAt: '2026-12-03T09:02:05.000Z',
  steps: [
    {
      id: 'copy',
      status: 'done',
      attempts: 1,
      startedAt: '2026-12-03T09:00:00.000Z',
      endedAt: '2026-12-03T09:00:45.000Z',
      outputs: { snapshotId: 'snap-0aaaabbbbccccdddd' },
    },
    {
      id: 'tags',
      status: 'failed',
      attempts: 1,
      startedAt: '2026-12-03T09:02:00.000Z',
      endedAt: '2026-12-03T09:02:05.000Z',
      outputs: {},
      error: {
        code: 'access-denied',
        message: 'You are not authorized to perform CreateTags.',
        retryable: false,
        aws: { code: 'UnauthorizedOperation', requestId: 'req-tags-1' },
      },
    },
  ],
  error: {
    code: 'access-denied',
    message: 'Step 2 (Tag the copy) failed: You are not authorized to perform CreateTags.',
    retryable: false,
  },
};

const events: RunEvents = {
  events: [
    {
      time: '2026-12-03T09:00:01.000Z',
      eventName: 'CopySnapshot',
      eventSource: 'ec2.amazonaws.com',
      who: 'arn:aws:iam::111111111111:user/admin',
      requestId: 'req-copy-1',
      errorCode: null,
      profileId: 'sandbox:prod',
      region: 'eu-west-1',
    },
  ],
  resources: ['snap-0aaaabbbbccccdddd'],
  places: [{ profileId: 'sandbox:prod', region: 'eu-west-1' }],
  start: '2026-12-03T08:55:00.000Z',
  end: '2026-12-03T09:07:05.000Z',
  gaps: [],
};

/** The page reads the run, then its events: more than one default wait on a busy machine. */
const slow = { timeout: 5000 };

function setup() {
  const mock = createMockBridge({
    'workflows.get': okAnswer(failedRun),
    'workflows.list': okAnswer([
      {
        runId: 'run-failed-1',
        job: 'copy-snapshot',
        title: failedRun.plan.title,
        status: 'failed',
        resumable: true,
        undoable: true,
        createdAt: failedRun.createdAt,
        updatedAt: failedRun.updatedAt,
        stepsDone: 1,
        stepCount: 2,
        profileIds: ['sandbox:prod'],
        regions: ['eu-west-1'],
      },
    ]),
    'workflows.runbook': okAnswer({ text: '# runbook', script: '#!/usr/bin/env bash' }),
    'workflows.events': okAnswer(events),
    'workflows.resume': okAnswer({ operationId: 'op-resume' }),
    'workflows.undo': okAnswer({ operationId: 'op-undo' }),
  });
  const view = render(
    <Routes>
      <Route path="/runs/:runId" element={<RunDetailPage />} />
    </Routes>,
    mock.bridge,
    '/runs/run-failed-1',
  );
  const calls = (name: string) =>
    mock.invoke.mock.calls.filter(([n]) => n === name).map(([, input]) => input);
  return { ...view, calls };
}

describe('a run’s page', () => {
  it('shows each step’s outcome and duration, the failed call’s request id, and the total', async () => {
    setup();
    const steps = await screen.findAllByTestId('run-step', {}, slow);
    expect(steps).toHaveLength(2);
    expect(steps[0]).toHaveTextContent('Done');
    expect(steps[0]).toHaveTextContent('45 s');
    expect(steps[0]).toHaveTextContent('snapshotId: snap-0aaaabbbbccccdddd');
    expect(steps[1]).toHaveTextContent('Failed');
    expect(steps[1]).toHaveTextContent('AWS UnauthorizedOperation · request id req-tags-1');
    expect(screen.getByTestId('run-outcome')).toHaveTextContent('Took 2 min 5 s in all');
  });

  it('lists the CloudTrail events and opens Audit with the run’s filter', async () => {
    setup();
    const table = await screen.findByRole('table', { name: 'CloudTrail events of the run' }, slow);
    expect(within(table).getByTestId('run-event')).toHaveTextContent(
      'CopySnapshotec2.amazonaws.com · sandbox:prod in eu-west-1',
    );
    expect(within(table).getByText('req-copy-1')).toBeInTheDocument();
    const link = screen.getByRole('link', { name: 'Open in Audit' });
    expect(link.getAttribute('href')).toContain('/audit?run=run-failed-1&from=');
    expect(link.getAttribute('href')).toContain('resource=snap-0aaaabbbbccccdddd');
  });

  it('continues a failed run from its journal', async () => {
    const user = userEvent.setup();
    const { calls } = setup();
    await user.click(await screen.findByRole('button', { name: 'Continue the run' }, slow));
    expect(calls('workflows.resume')).toEqual([{ runId: 'run-failed-1' }]);
    expect(await screen.findByTestId('workflow-progress')).toBeInTheDocument();
  });

  it('undoes a failed run from its page, last step first, once deleting the copy is allowed', async () => {
    const user = userEvent.setup();
    const { calls } = setup();
    await user.click(await screen.findByRole('button', { name: 'Undo this run…' }, slow));
    const dialog = await screen.findByRole('dialog', { name: 'Undo run run-failed-1' });
    const items = within(within(dialog).getByTestId('undo-steps')).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      'Tag the copy — Nothing to undo.',
      'Copy snap-1 to eu-west-1 — Deletes the copy (asks first).',
    ]);
    const undo = within(dialog).getByRole('button', { name: 'Undo the run' });
    expect(undo).toBeDisabled();
    await user.click(
      within(dialog).getByRole('checkbox', { name: /Delete what this run created/ }),
    );
    await user.click(undo);
    expect(calls('workflows.undo')).toEqual([{ runId: 'run-failed-1', confirmDeletes: true }]);
  });
});
