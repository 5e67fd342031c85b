import {
  createCipheriv,
  createDecipheriv,
  randomBytes,
  scrypt,
  type ScryptOptions,
} from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { KeywardError } from '../../src-shared/errors';
import { ensurePrivateDir } from '../../src-node/fs/private-files';
import { writeFileAtomic } from '../storage/atomic-file';
import type { SecretStore } from './secret-store';

/**
 * Secrets in one file in the data dir, for hosts without an OS keychain: AES-256-GCM under a key
 * that scrypt derives from a passphrase the user types at unlock. The passphrase is never stored
 * or logged; the derived key lives in this process's memory only while the store is unlocked,
 * and is dropped on lock, on exit and after the idle time the user chose.
 *
 * On disk (JSON, 0600, written atomically):
 *   { format, version, kdf: { name: 'scrypt', N, r, p, salt, keyLength },
 *     cipher: { name: 'aes-256-gcm', iv, tag }, ciphertext }
 * with the header (format, version, kdf) bound to the ciphertext as GCM additional data, and a
 * fresh 12-byte IV for every write. The plaintext is `{ entries: { [account]: secret } }`.
 */
export interface FileSecretStore extends SecretStore {
  readonly path: string;
  exists(): Promise<boolean>;
  isUnlocked(): boolean;
  /** Writes a new, empty file under `passphrase` and leaves the store unlocked; refuses if one exists. */
  create(passphrase: string): Promise<void>;
  /** Derives the key and proves it on the file; a wrong passphrase is a `validation` error. */
  unlock(passphrase: string): Promise<void>;
  /** Drops the key from memory. */
  lock(): void;
  /** Re-encrypts every entry under a new salt and key; the current passphrase is checked first. */
  changePassphrase(current: string, next: string): Promise<void>;
  /** Locks after this many minutes without use (0: never, until `lock()` or exit). */
  setIdleLockMinutes(minutes: number): void;
}

export const FILE_STORE_VERSION = 1;
const FORMAT = 'keyward-secrets';
/** scrypt cost: N = 2^17, r = 8, p = 1 (about 128 MiB and half a second per derivation). */
export const DEFAULT_KDF_COST = { N: 2 ** 17, r: 8, p: 1 } as const;
const SALT_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const MAX_FILE_BYTES = 16 * 1024 * 1024;

const base64 = (min: number, max: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64')
    .refine(
      (value) => {
        const bytes = Buffer.from(value, 'base64').length;
        return bytes >= min && bytes <= max;
      },
      `must decode to ${min === max ? min : `${min}–${max}`} bytes`,
    );

const kdfSchema = z
  .object({
    name: z.literal('scrypt'),
    // Bounded both ways: too cheap is guessable, too dear is a way to hang the app.
    N: z
      .number()
      .int()
      .min(2 ** 14)
      .max(2 ** 20)
      .refine((n) => (n & (n - 1)) === 0, 'must be a power of two'),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: base64(16, 64),
    keyLength: z.literal(KEY_BYTES),
  })
  .strict();

const fileSchema = z
  .object({
    format: z.literal(FORMAT),
    version: z.literal(FILE_STORE_VERSION),
    kdf: kdfSchema,
    cipher: z
      .object({
        name: z.literal('aes-256-gcm'),
        iv: base64(IV_BYTES, IV_BYTES),
        tag: base64(TAG_BYTES, TAG_BYTES),
      })
      .strict(),
    ciphertext: base64(0, MAX_FILE_BYTES),
  })
  .strict();

const payloadSchema = z
  .object({ entries: z.record(z.string().max(512), z.string().max(65536)) })
  .strict();

type StoreFile = z.infer<typeof fileSchema>;
type Kdf = z.infer<typeof kdfSchema>;
type Entries = Record<string, string>;

interface HeldKey {
  readonly key: Buffer;
  /** The header the key belongs to: a file with another one was re-keyed elsewhere. */
  readonly kdf: Kdf;
}

/** The header as GCM additional data: a changed version or KDF parameter fails authentication. */
function additionalData(kdf: Kdf): Buffer {
  const { name, N, r, p, salt, keyLength } = kdf;
  return Buffer.from(
    JSON.stringify({
      format: FORMAT,
      version: FILE_STORE_VERSION,
      kdf: { name, N, r, p, salt, keyLength },
    }),
  );
}

function deriveKey(passphrase: string, kdf: Kdf): Promise<Buffer> {
  const options: ScryptOptions = {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    // Node refuses more than 32 MiB by default; N = 2^17, r = 8 needs 128 MiB.
    maxmem: 2 * 128 * kdf.N * kdf.r * kdf.p,
  };
  return new Promise((resolve, reject) => {
    scrypt(
      passphrase.normalize('NFC'),
      Buffer.from(kdf.salt, 'base64'),
      kdf.keyLength,
      options,
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

function encrypt(held: HeldKey, entries: Entries): StoreFile {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', held.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(held.kdf));
  const plaintext = Buffer.from(JSON.stringify({ entries }));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  plaintext.fill(0);
  return {
    format: FORMAT,
    version: FILE_STORE_VERSION,
    kdf: held.kdf,
    cipher: {
      name: 'aes-256-gcm',
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    },
    ciphertext: ciphertext.toString('base64'),
  };
}

/** The entries, or `null` when GCM authentication fails (wrong key, or a changed file). */
function decrypt(key: Buffer, file: StoreFile): Entries | null {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(file.cipher.iv, 'base64'), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(additionalData(file.kdf));
  decipher.setAuthTag(Buffer.from(file.cipher.tag, 'base64'));
  let plaintext: Buffer;
  try {
    plaintext = Buffer.concat([
      decipher.update(Buffer.from(file.ciphertext, 'base64')),
      decipher.final(),
    ]);
  } catch {
    return null;
  }
  try {
    return payloadSchema.parse(JSON.parse(plaintext.toString('utf8'))).entries;
  } finally {
    plaintext.fill(0);
  }
}

const sameKdf = (a: Kdf, b: Kdf): boolean =>
  a.N === b.N && a.r === b.r && a.p === b.p && a.salt === b.salt && a.keyLength === b.keyLength;

export function lockedError(): KeywardError {
  return new KeywardError('secret-store-locked', 'Keyward’s encrypted credential file is locked.', {
    hint: 'Unlock it with its passphrase (the Unlock button, or Settings → Credential store), then try again.',
  });
}

export function createFileSecretStore(options: {
  path: string;
  idleLockMinutes?: number;
  /** scrypt cost of files this store writes; tests lower it, the app never does. */
  kdfCost?: { N: number; r: number; p: number };
  /** Told when the store locks itself after the idle time. */
  onIdleLock?: () => void;
}): FileSecretStore {
  const { path } = options;
  const cost = options.kdfCost ?? DEFAULT_KDF_COST;
  let idleMinutes = options.idleLockMinutes ?? 15;
  let held: HeldKey | null = null;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  // One operation at a time: a write reads, changes and rewrites the whole file.
  let queue: Promise<unknown> = Promise.resolve();

  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };

  function damaged(reason: string): KeywardError {
    return new KeywardError(
      'invalid-state',
      `The encrypted credential file ${path} is damaged (${reason}).`,
      {
        hint:
          'Keyward left it as it is. Restore it from a backup; or move it aside, create a new ' +
          'file store in Settings → Credential store and enter the profiles’ secrets again.',
      },
    );
  }

  function missing(): KeywardError {
    return new KeywardError('invalid-state', `There is no encrypted credential file at ${path}.`, {
      hint:
        'If it was moved, put it back. Otherwise create a new file store (Settings → Credential ' +
        'store) or switch to the OS keychain, and enter the profiles’ secrets again.',
    });
  }

  /** The file, validated; `null` when there is none. A damaged file is an error, never a reset. */
  async function readStoreFile(): Promise<StoreFile | null> {
    let text: string;
    try {
      const bytes = await readFile(path);
      if (bytes.length > MAX_FILE_BYTES) throw damaged(`larger than ${MAX_FILE_BYTES} bytes`);
      text = bytes.toString('utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw damaged(`not JSON: ${(error as Error).message}`);
    }
    const version = (json as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && version > FILE_STORE_VERSION) {
      throw new KeywardError(
        'invalid-state',
        `The encrypted credential file ${path} was written by a newer Keyward (format version ${version}; this one reads ${FILE_STORE_VERSION}).`,
        { hint: 'Use the newer Keyward with this data directory.' },
      );
    }
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success) {
      const [issue] = parsed.error.issues;
      throw damaged(`${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`);
    }
    return parsed.data;
  }

  async function requireFile(): Promise<StoreFile> {
    const file = await readStoreFile();
    if (!file) throw missing();
    return file;
  }

  function touch(): void {
    clearTimeout(idleTimer);
    idleTimer = undefined;
    if (!held || idleMinutes <= 0) return;
    idleTimer = setTimeout(() => {
      lock();
      options.onIdleLock?.();
    }, idleMinutes * 60_000);
    idleTimer.unref?.();
  }

  function lock(): void {
    clearTimeout(idleTimer);
    idleTimer = undefined;
    held?.key.fill(0);
    held = null;
  }

  function hold(key: Buffer, kdf: Kdf): void {
    held?.key.fill(0);
    held = { key, kdf };
    touch();
  }

  /** The entries with the key held now; a file re-keyed or changed since unlock is refused. */
  async function readEntries(): Promise<{ held: HeldKey; entries: Entries }> {
    if (!held) throw lockedError();
    const current = held;
    const file = await requireFile();
    if (!sameKdf(file.kdf, current.kdf)) {
      // Another Keyward changed the passphrase: this key opens nothing any more.
      lock();
      throw new KeywardError(
        'secret-store-locked',
        'The encrypted credential file was re-encrypted with another passphrase since it was unlocked.',
        { hint: 'Unlock it with the new passphrase.' },
      );
    }
    const entries = decrypt(current.key, file);
    if (!entries) {
      throw new KeywardError(
        'invalid-state',
        `The encrypted credential file ${path} failed its integrity check: it was changed outside Keyward, or is damaged.`,
        {
          hint: 'Keyward left it as it is. Restore it from a backup, or move it aside and create a new file store.',
        },
      );
    }
    touch();
    return { held: current, entries };
  }

  async function write(key: HeldKey, entries: Entries): Promise<void> {
    ensurePrivateDir(dirname(path));
    await writeFileAtomic(path, `${JSON.stringify(encrypt(key, entries), null, 2)}\n`);
  }

  async function keyFor(passphrase: string, file: StoreFile, field: string): Promise<Buffer> {
    const key = await deriveKey(passphrase, file.kdf);
    if (decrypt(key, file) === null) {
      key.fill(0);
      throw new KeywardError(
        'validation',
        'That passphrase does not open the encrypted credential file.',
        {
          fieldErrors: { [field]: 'Wrong passphrase' },
          hint: 'Check it and try again. (A file changed outside Keyward fails the same way, even with the right passphrase.)',
        },
      );
    }
    return key;
  }

  function newKdf(): Kdf {
    return {
      name: 'scrypt',
      ...cost,
      salt: randomBytes(SALT_BYTES).toString('base64'),
      keyLength: KEY_BYTES,
    };
  }

  return {
    path,
    async exists() {
      return (
        (await readStoreFile().catch((error: unknown) => {
          // A damaged file exists: the caller learns what is wrong when it unlocks.
          if (error instanceof KeywardError) return true;
          throw error;
        })) !== null
      );
    },
    isUnlocked: () => held !== null,
    lock,
    setIdleLockMinutes(minutes) {
      idleMinutes = minutes;
      touch();
    },

    create: (passphrase) =>
      serial(async () => {
        if ((await readStoreFile().catch(() => 'damaged' as const)) !== null) {
          throw new KeywardError(
            'conflict',
            `An encrypted credential file exists already at ${path}.`,
            {
              hint: 'Unlock it with its passphrase, or change the passphrase in Settings → Credential store.',
            },
          );
        }
        const kdf = newKdf();
        const key = await deriveKey(passphrase, kdf);
        await write({ key, kdf }, {});
        hold(key, kdf);
      }),

    unlock: (passphrase) =>
      serial(async () => {
        const file = await requireFile();
        hold(await keyFor(passphrase, file, 'passphrase'), file.kdf);
      }),

    changePassphrase: (current, next) =>
      serial(async () => {
        const file = await requireFile();
        const oldKey = await keyFor(current, file, 'current');
        const entries = decrypt(oldKey, file) ?? {};
        oldKey.fill(0);
        const kdf = newKdf();
        const key = await deriveKey(next, kdf);
        await write({ key, kdf }, entries);
        hold(key, kdf);
      }),

    get: (account) =>
      serial(async () => {
        const { entries } = await readEntries();
        return Object.hasOwn(entries, account) ? (entries[account] ?? null) : null;
      }),

    set: (account, secret) =>
      serial(async () => {
        const { held: key, entries } = await readEntries();
        await write(key, { ...entries, [account]: secret });
      }),

    delete: (account) =>
      serial(async () => {
        const { held: key, entries } = await readEntries();
        if (!Object.hasOwn(entries, account)) return false;
        const { [account]: _removed, ...rest } = entries;
        await write(key, rest);
        return true;
      }),
  };
}
