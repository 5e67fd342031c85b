import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { WorkflowRunSummary } from '../../../../src-shared/models/workflow-plan';
import { createMockBridge, okAnswer } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import { InterruptedRunNotice } from './InterruptedRunNotice';

const cutOff: WorkflowRunSummary = {
  runId: 'run-cut-off',
  job: 'copy-snapshot',
  title: 'Copy snap-1 from us-east-1 to eu-west-1, encrypted with alias/global-orders',
  status: 'running',
  resumable: true,
  undoable: true,
  createdAt: '2026-12-01T09:00:00Z',
  updatedAt: '2026-12-01T09:01:00Z',
  stepsDone: 1,
  stepCount: 3,
  profileIds: ['prod'],
  regions: ['eu-west-1'],
};

const setup = () =>
  render(
    <InterruptedRunNotice />,
    createMockBridge({ 'workflows.list': okAnswer([cutOff]) }).bridge,
    '/keys',
  );

describe('the interrupted-run notice', () => {
  it('names the run and continues it on its page', async () => {
    const user = userEvent.setup();
    const { router } = setup();
    const notice = await screen.findByRole('region', { name: 'A run was interrupted' });
    expect(notice).toHaveTextContent(`${cutOff.title} — 1 of 3 steps done.`);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(router.state.location.pathname).toBe('/runs/run-cut-off');
    expect(router.state.location.search).toBe('?continue=1');
    expect(screen.queryByRole('region', { name: 'A run was interrupted' })).not.toBeInTheDocument();
  });

  it('goes away when dismissed, leaving the user where they were', async () => {
    const user = userEvent.setup();
    const { router } = setup();
    await screen.findByRole('region', { name: 'A run was interrupted' });
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('region', { name: 'A run was interrupted' })).not.toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/keys');
  });
});
