// Round trip over generated policies: any mix of understood and hand-edited statements, in any
// order, comes back equivalent; after any edits the hand-edited ones are still there verbatim.
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../parse-policy';
import { OTHER, OWNER } from '../test-helpers';
import {
  addAdministrator,
  removeAdministrator,
  setAdministratorsMayDelete,
} from './edit-administrators';
import { addKeyUser, addOtherAccount, removeKeyUser, setAllowAttachment } from './edit-key-users';
import { addServicePrincipal, removeServicePrincipal } from './edit-service-principals';
import { emitKeyPolicy } from './emit-key-policy';
import type { KeyPolicyView } from './key-policy-view';
import { parseKeyPolicyView } from './parse-key-policy-view';
import {
  adminStatement,
  APP_ROLE,
  attachmentStatement,
  CONTEXT,
  expectEquivalent,
  cloudTrailStatement,
  denyOutsideAccountsStatement,
  ebsStatement,
  financeUserStatement,
  rootStatement,
  usersStatement,
} from './test-fixtures';

const POOL: readonly object[] = [
  rootStatement,
  adminStatement,
  usersStatement,
  attachmentStatement,
  denyOutsideAccountsStatement,
  financeUserStatement,
  ebsStatement,
  cloudTrailStatement,
  {
    Effect: 'Allow',
    Principal: { Service: ['ec2.amazonaws.com'] },
    Action: 'kms:Decrypt',
    Resource: '*',
  },
  {
    Effect: 'Allow',
    Principal: { AWS: OWNER },
    Action: ['kms:DescribeKey', 'kms:GenerateMac', 'kms:VerifyMac'],
    Resource: '*',
  },
];

const EDITS: readonly ((view: KeyPolicyView) => KeyPolicyView)[] = [
  (v) => addAdministrator(v, `arn:aws:iam::${OWNER}:role/Ops`),
  (v) => removeAdministrator(v, `arn:aws:iam::${OWNER}:role/KmsAdmin`),
  (v) => setAdministratorsMayDelete(v, false),
  (v) => setAdministratorsMayDelete(v, true),
  (v) => addKeyUser(v, `arn:aws:iam::${OWNER}:user/bob`),
  (v) => removeKeyUser(v, APP_ROLE),
  (v) => addOtherAccount(v, OTHER),
  (v) => setAllowAttachment(v, true),
  (v) => setAllowAttachment(v, false),
  (v) => addServicePrincipal(v, 'logs.amazonaws.com'),
  (v) => removeServicePrincipal(v, 'ec2.amazonaws.com'),
];

/** Deterministic, so a failure names a seed that reproduces it. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function generated(seed: number): { Version: string; Statement: object[] } {
  const next = random(seed);
  const chosen = POOL.filter(() => next() < 0.6);
  const shuffled = chosen
    .map((statement) => ({ statement, key: next() }))
    .sort((a, b) => a.key - b.key)
    .map(({ statement }) => statement);
  return { Version: '2012-10-17', Statement: shuffled.length > 0 ? shuffled : [rootStatement] };
}

function view(document: unknown): KeyPolicyView {
  const result = parseKeyPolicyView(document, CONTEXT);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.view;
}

const SEEDS = Array.from({ length: 12 }, (_, i) => i + 1);

describe('round trip over generated policies', () => {
  it.each(SEEDS)('seed %i: parse → emit is equivalent, unknown statements deep-equal', (seed) => {
    const document = generated(seed);
    const emitted = emitKeyPolicy(view(document));
    expectEquivalent(emitted, document);
    const statements = emitted['Statement'] as unknown[];
    view(document).sections.forEach((section, i) => {
      if (section.kind === 'not-understood') expect(statements[i]).toEqual(document.Statement[i]);
    });
  });

  it.each(SEEDS)('seed %i: after random edits, unknown statements are kept in order', (seed) => {
    const next = random(seed * 7919);
    const document = generated(seed);
    let edited = view(document);
    for (let step = 0; step < 4; step += 1) {
      const edit = EDITS[Math.floor(next() * EDITS.length)];
      if (edit !== undefined) edited = edit(edited);
    }
    const emitted = emitKeyPolicy(edited);
    expect(parsePolicy(emitted, 'resource').ok).toBe(true);
    const unknown = view(document).sections.flatMap((s) =>
      s.kind === 'not-understood' ? [s.raw] : [],
    );
    const kept = (emitted['Statement'] as unknown[]).filter((s) => unknown.includes(s));
    expect(kept).toEqual(unknown);
  });
});
