import { secretStoreStatusSchema, useSecretStoreResultSchema } from '../models/secret-store';
import {
  changePassphraseInput,
  createFileStoreInput,
  idleLockMinutes,
  unlockFileStoreInput,
  useSecretStoreInput,
} from '../schemas/secret-store';
import { z } from 'zod';
import { invoke, noInput } from './define';

// Passphrases go from the page to main in these inputs only; no output carries one back.
export const secretsCalls = {
  'secrets.status': invoke({
    summary:
      'Which secret store profiles use (OS keychain or encrypted file), whether each is available, created and unlocked.',
    input: noInput,
    output: secretStoreStatusSchema,
  }),
  'secrets.createFileStore': invoke({
    summary:
      'Creates the encrypted file store with a new passphrase (scrypt + AES-256-GCM) and leaves it unlocked; it is not used until secrets.useStore.',
    input: createFileStoreInput,
    output: secretStoreStatusSchema,
  }),
  'secrets.unlock': invoke({
    summary: 'Unlocks the encrypted file store with its passphrase; a wrong one is refused.',
    input: unlockFileStoreInput,
    output: secretStoreStatusSchema,
  }),
  'secrets.lock': invoke({
    summary: 'Locks the encrypted file store now: its key is dropped from memory.',
    input: noInput,
    output: secretStoreStatusSchema,
  }),
  'secrets.changePassphrase': invoke({
    summary:
      'Re-encrypts the file store under a new passphrase (new salt and key), after checking the current one.',
    input: changePassphraseInput,
    output: secretStoreStatusSchema,
  }),
  'secrets.setIdleLock': invoke({
    summary: 'Minutes without use after which the file store locks itself (0: only on exit).',
    input: z.object({ minutes: idleLockMinutes }).strict(),
    output: secretStoreStatusSchema,
  }),
  'secrets.useStore': invoke({
    summary:
      'Switches the store profiles use, moving their secrets when the old store is readable; says which profiles need theirs again when not.',
    input: useSecretStoreInput,
    output: useSecretStoreResultSchema,
  }),
} as const;
