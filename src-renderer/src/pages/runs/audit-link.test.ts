import { describe, expect, it } from 'vitest';
import { auditFilterLines } from '../audit-filter';
import { auditLink } from './audit-link';

describe('the Audit link of a run', () => {
  it('carries the window, the places and the resources, and the Audit page reads them back', () => {
    const link = auditLink('run-1', {
      events: [],
      resources: ['snap-0123456789abcdef0', 'alias/dr-backups'],
      places: [{ profileId: 'prod', region: 'eu-west-1' }],
      start: '2026-12-03T09:55:00.000Z',
      end: '2026-12-03T10:10:00.000Z',
      gaps: [],
    });
    expect(link.startsWith('/audit?')).toBe(true);
    const search = new URLSearchParams(link.slice('/audit?'.length));
    expect(auditFilterLines(search)).toEqual([
      'Run: run-1',
      'From: 2026-12-03T09:55:00.000Z',
      'To: 2026-12-03T10:10:00.000Z',
      'Profile:Region: prod:eu-west-1',
      'Resource: snap-0123456789abcdef0',
      'Resource: alias/dr-backups',
    ]);
  });
});
