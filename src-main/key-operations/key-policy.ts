import { PutKeyPolicyCommand, type KMSClient } from '@aws-sdk/client-kms';
import { KeywardError } from '../../src-shared/errors';
import type { PolicyVersion } from '../../src-shared/models/key-changes';
import { principalFromArn } from '../../src-shared/policy/principal-from-arn';
import { validateKeyPolicy } from '../../src-shared/policy/validate-key-policy';
import { wouldLockOut } from '../../src-shared/policy/would-lock-out';
import { customerKey, describeKey, type KeyPlace } from './describe-key';
import { callerOf, kmsOf, type KeyContext } from './key-context';
import { readPolicy } from './key-detail';
import { withKeyPolicyLock } from './key-policy-lock';
import { policyVersions, recordPolicyVersions } from './policy-versions';

/** Whitespace and key order aside, are two policy texts the same document? */
export function samePolicy(a: string, b: string): boolean {
  const canonical = (text: string): string => {
    try {
      return JSON.stringify(JSON.parse(text), (_key, value: unknown) =>
        value && typeof value === 'object' && !Array.isArray(value)
          ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => x.localeCompare(y)))
          : value,
      );
    } catch {
      return text.trim();
    }
  };
  return canonical(a) === canonical(b);
}

/**
 * The checks PutKeyPolicy would make, made first so the user hears why before anything is sent:
 * KMS's validation, then the lockout check for the caller (the shared evaluator).
 */
export function checkPolicyForCaller(document: string, callerArn: string, keyArn: string): void {
  const validation = validateKeyPolicy(document, () => true);
  if (!validation.ok) {
    throw new KeywardError('validation', validation.message, {
      hint: 'Fix the policy in the JSON view; nothing was sent to AWS.',
      fieldErrors: { document: validation.message },
    });
  }
  const caller = principalFromArn(callerArn);
  if (caller && wouldLockOut(validation.policy, caller, keyArn)) {
    throw new KeywardError(
      'validation',
      `This policy would lock you out: it does not let ${callerArn} change the key policy (kms:PutKeyPolicy) afterwards, so AWS refuses it.`,
      {
        hint: 'Keep a statement that allows kms:PutKeyPolicy to you, or to the account root (arn:aws:iam::<account>:root) so that IAM policies keep control. Nothing was sent to AWS.',
        fieldErrors: { document: 'would lock you out of the key' },
      },
    );
  }
}

interface PutOptions {
  /** The policy the user edited from; null when they did not start from the key's. */
  readonly basedOn: string | null;
  /** Replace a policy changed since `basedOn` all the same. */
  readonly force: boolean;
}

type PolicySource = { kind: 'saved' } | { kind: 'reverted'; from: string };

/** A key policy being changed, read under the key's policy lock. */
interface HeldPolicy {
  readonly ctx: KeyContext;
  readonly kms: KMSClient;
  readonly keyArn: string;
  readonly callerArn: string;
  /** The policy the key has now: no other change of Keyward's can put one until `work` ends. */
  readonly current: string;
}

/** Runs `work` on the key's current policy, alone among Keyward's changes of that policy. */
async function withHeldPolicy<T>(
  ctx: KeyContext,
  ref: KeyPlace,
  work: (held: HeldPolicy) => Promise<T>,
): Promise<T> {
  const key = await customerKey(ctx, ref, 'change the key policy');
  const caller = await callerOf(ctx, ref.profileId, ref.region);
  const kms = await kmsOf(ctx, ref.profileId, ref.region);
  return withKeyPolicyLock(key.arn, async () =>
    work({
      ctx,
      kms,
      keyArn: key.arn,
      callerArn: caller.arn,
      current: await readPolicy(kms, key.arn),
    }),
  );
}

/** Puts `document` and keeps it, and the policy found before Keyward's first save. */
async function putHeld(
  held: HeldPolicy,
  document: string,
  source: PolicySource,
): Promise<{ version: PolicyVersion }> {
  const { ctx, kms, keyArn, callerArn } = held;
  await recordPolicyVersions(ctx.dataDir, keyArn, (existing) =>
    existing.length === 0 ? [{ savedBy: callerArn, document: held.current, source: 'found' }] : [],
  );
  await kms.send(
    new PutKeyPolicyCommand({ KeyId: keyArn, PolicyName: 'default', Policy: document }),
  );
  const [version] = await recordPolicyVersions(ctx.dataDir, keyArn, () => [
    {
      savedBy: callerArn,
      document,
      source: source.kind,
      revertedFrom: source.kind === 'reverted' ? source.from : undefined,
    },
  ]);
  if (!version) throw new Error('no policy version was recorded');
  return { version };
}

/** The editor's save: `document` replaces the policy, unless that changed since `basedOn`. */
function putOver(
  ctx: KeyContext,
  ref: KeyPlace,
  document: string,
  options: PutOptions,
  source: PolicySource,
): Promise<{ version: PolicyVersion }> {
  return withHeldPolicy(ctx, ref, (held) => {
    checkPolicyForCaller(document, held.callerArn, held.keyArn);
    const changed = options.basedOn !== null && !samePolicy(held.current, options.basedOn);
    if (changed && !options.force) {
      throw new KeywardError(
        'conflict',
        'The key policy was changed elsewhere since you opened it: saving would overwrite that change.',
        {
          hint: 'Reload the policy to see the change and edit again, or save anyway to replace it.',
        },
      );
    }
    return putHeld(held, document, source);
  });
}

export function putKeyPolicy(
  ctx: KeyContext,
  ref: KeyPlace,
  document: string,
  options: PutOptions,
) {
  return putOver(ctx, ref, document, options, { kind: 'saved' });
}

/**
 * Puts what `change` makes of the key's current policy, unless it means the same: a change
 * made in the same moment by another run or save is kept, since `change` starts from it.
 */
export function changeKeyPolicy(
  ctx: KeyContext,
  ref: KeyPlace,
  change: (policy: string) => string,
): Promise<{ version: PolicyVersion } | null> {
  return withHeldPolicy(ctx, ref, async (held) => {
    const after = change(held.current);
    if (samePolicy(after, held.current)) return null;
    checkPolicyForCaller(after, held.callerArn, held.keyArn);
    return putHeld(held, after, { kind: 'saved' });
  });
}

export async function revertKeyPolicy(
  ctx: KeyContext,
  ref: KeyPlace,
  versionId: string,
  options: PutOptions,
) {
  const key = await customerKey(ctx, ref, 'change the key policy');
  const version = (await policyVersions(ctx.dataDir, key.arn)).find((v) => v.id === versionId);
  if (!version) {
    throw new KeywardError(
      'not-found',
      `Keyward has no saved policy version ${versionId} for ${key.arn}.`,
      {
        hint: 'Open the key’s policy history again: the list shows the versions kept on this computer.',
      },
    );
  }
  return putOver(ctx, ref, version.document, options, { kind: 'reverted', from: version.id });
}

export async function listPolicyVersions(ctx: KeyContext, ref: KeyPlace) {
  const key = await describeKey(ctx, ref);
  return { versions: await policyVersions(ctx.dataDir, key.arn) };
}
