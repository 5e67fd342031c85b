import { createGrantInput } from '../../../../src-shared/schemas/key-change-input';
import type { KeyRef } from '../../../../src-shared/schemas/key-ref';

export interface GrantDraft {
  readonly granteePrincipal: string;
  readonly retiringPrincipal: string;
  readonly operations: string[];
  readonly name: string;
  /** `key=value` per line: the encryption context the grant requires (a subset). */
  readonly context: string;
}

export const emptyGrant: GrantDraft = {
  granteePrincipal: '',
  retiringPrincipal: '',
  operations: [],
  name: '',
  context: '',
};

function parseContext(text: string): Record<string, string> | null {
  const entries = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf('=');
      return at > 0 ? [line.slice(0, at).trim(), line.slice(at + 1).trim()] : null;
    });
  if (entries.some((entry) => entry === null)) return null;
  return Object.fromEntries(entries as [string, string][]);
}

/** The createGrant input for a draft, checked by the contract's schema, or the first problem. */
export function grantInput(ref: KeyRef, draft: GrantDraft) {
  const context = parseContext(draft.context);
  if (context === null)
    return { ok: false as const, error: 'Encryption context: one key=value per line' };
  const parsed = createGrantInput.safeParse({
    ...ref,
    granteePrincipal: draft.granteePrincipal.trim(),
    operations: draft.operations,
    ...(draft.retiringPrincipal.trim()
      ? { retiringPrincipal: draft.retiringPrincipal.trim() }
      : {}),
    ...(draft.name.trim() ? { name: draft.name.trim() } : {}),
    ...(Object.keys(context).length > 0
      ? { constraints: { encryptionContextSubset: context } }
      : {}),
  });
  if (parsed.success) return { ok: true as const, input: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false as const, error: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}` };
}
