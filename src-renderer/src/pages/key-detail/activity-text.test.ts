import { describe, expect, it } from 'vitest';
import { recentUseSentence, shortCaller, timeAgo } from './activity-text';

const NOW = Date.parse('2026-12-03T12:00:00Z');

describe('activity text', () => {
  it('says when, by whom and what, as a person reads it', () => {
    expect(
      recentUseSentence(
        {
          days: 90,
          count: 37,
          cryptographicCount: 37,
          capped: false,
          last: {
            time: '2026-12-03T10:00:00Z',
            eventName: 'Decrypt',
            caller: 'arn:aws:sts::111111111111:assumed-role/app-server/i-0abc',
          },
          topEvents: [],
          topCallers: [],
        },
        NOW,
      ),
    ).toBe('Used 37 times in the last 90 days, last 2 hours ago by role/app-server (Decrypt).');
  });

  it('a capped lookup is a lower bound; none is said plainly', () => {
    const base = { days: 90, cryptographicCount: 0, topEvents: [], topCallers: [], last: null };
    expect(
      recentUseSentence({ ...base, count: 500, cryptographicCount: 480, capped: true }, NOW),
    ).toBe(
      'Used at least 480 times in the last 90 days. Plus at least 20 other calls on the key (reads and changes).',
    );
    expect(recentUseSentence({ ...base, count: 1, capped: false }, NOW)).toBe(
      'No cryptographic use recorded by CloudTrail in the last 90 days. Plus 1 other call on the key (reads and changes).',
    );
  });

  it('shortens callers and times', () => {
    expect(shortCaller('arn:aws:iam::111111111111:user/team/alice')).toBe('user/alice');
    expect(shortCaller('arn:aws:iam::111111111111:root')).toBe('root');
    expect(shortCaller('ec2.amazonaws.com')).toBe('ec2.amazonaws.com');
    expect(timeAgo('2026-12-03T11:59:50Z', NOW)).toBe('just now');
    expect(timeAgo('2026-12-03T11:59:00Z', NOW)).toBe('1 minute ago');
    expect(timeAgo('2026-11-28T12:00:00Z', NOW)).toBe('5 days ago');
  });
});
