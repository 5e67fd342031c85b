import { z } from 'zod';

/** Where profiles' secrets live: the OS keychain (the default) or Keyward's encrypted file. */
export const secretStoreKind = z.enum(['keychain', 'file']);
export type SecretStoreKind = z.infer<typeof secretStoreKind>;

export const MIN_PASSPHRASE_LENGTH = 12;

/** A passphrase as typed to unlock: checked against the file, not against rules. */
export const passphraseAttempt = z
  .string()
  .min(1, 'Enter the passphrase')
  .max(1024, 'At most 1024 characters');

/** A new passphrase: long enough that guessing it through scrypt stays out of reach. */
export const newPassphrase = z
  .string()
  .min(MIN_PASSPHRASE_LENGTH, `At least ${MIN_PASSPHRASE_LENGTH} characters`)
  .max(1024, 'At most 1024 characters');

/** Minutes without use after which the file store locks itself; 0 = only when Keyward exits. */
export const idleLockMinutes = z
  .number()
  .int('Whole minutes')
  .min(0, '0 (never) or more')
  .max(1440, 'At most 1440 minutes (a day)');

export const createFileStoreInput = z.object({ passphrase: newPassphrase }).strict();
export const unlockFileStoreInput = z.object({ passphrase: passphraseAttempt }).strict();
export const changePassphraseInput = z
  .object({ current: passphraseAttempt, next: newPassphrase })
  .strict()
  .refine((input) => input.current !== input.next, {
    message: 'Choose a passphrase different from the current one',
    path: ['next'],
  });

/**
 * Switch the store profiles use. `passphrase` unlocks the file store (to read from it, or to move
 * into it), or creates it when it does not exist yet.
 */
export const useSecretStoreInput = z
  .object({ store: secretStoreKind, passphrase: passphraseAttempt.optional() })
  .strict();
