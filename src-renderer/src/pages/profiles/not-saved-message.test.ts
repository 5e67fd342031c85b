import { describe, expect, it } from 'vitest';
import { notSavedMessageFor } from './not-saved-message';

const formMessage = 'The profile was not saved. Fix the keys, or save it anyway marked as failed.';

describe('notSavedMessageFor', () => {
  it('keeps the form’s advice when AWS answered', () => {
    expect(
      notSavedMessageFor(
        { code: 'credentials-invalid', message: 'x', retryable: false },
        formMessage,
      ),
    ).toBe(formMessage);
  });

  it.each(['network', 'network-unreachable'] as const)(
    'points at the network, never at the keys, for %s',
    (code) => {
      const message = notSavedMessageFor({ code, message: 'x', retryable: true }, formMessage);
      expect(message).toMatch(/could not reach AWS/);
      expect(message).toMatch(/Settings › Network/);
      expect(message).not.toMatch(/Fix the keys/);
    },
  );
});
