import { describe, expect, it } from 'vitest';
import { formatDuration, jobLabel, runStatusBadge } from './run-labels';

describe('run labels', () => {
  it('calls a running run nobody runs any more interrupted, and warns about it', () => {
    expect(runStatusBadge('running', true)).toEqual({ label: 'Interrupted', tone: 'warning' });
    expect(runStatusBadge('running', false)).toEqual({ label: 'Running', tone: 'neutral' });
    expect(runStatusBadge('failed', true)).toEqual({ label: 'Failed', tone: 'danger' });
  });

  it('says durations to the second, in minutes and hours when longer', () => {
    expect(formatDuration(45_400)).toBe('45 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(3_780_000)).toBe('1 h 3 min');
  });

  it('names known jobs and keeps an unknown one as it is', () => {
    expect(jobLabel('copy-snapshot')).toBe('Copy a snapshot');
    expect(jobLabel('something-new')).toBe('something-new');
  });
});
