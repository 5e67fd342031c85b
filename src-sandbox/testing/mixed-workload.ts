import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import {
  CreateAliasCommand,
  CreateKeyCommand,
  DeleteAliasCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  type KMSClient,
  ListAliasesCommand,
  ListResourceTagsCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateAliasCommand,
} from '@aws-sdk/client-kms';
import type { TestSandbox } from './test-sandbox';

/**
 * A serialisability check: random KMS writes on a few keys, many in flight at once, then the
 * same calls replayed one by one through a model, in the order the sandbox committed them (its
 * CloudTrail order). Each call must have had the outcome the model gives it at that point, and
 * the sandbox must end in the model's state.
 */
type Call =
  | {
      readonly op: 'TagResource';
      readonly key: number;
      readonly tag: string;
      readonly value: string;
    }
  | { readonly op: 'UntagResource'; readonly key: number; readonly tag: string }
  | { readonly op: 'CreateAlias' | 'UpdateAlias'; readonly alias: string; readonly key: number }
  | { readonly op: 'DeleteAlias'; readonly alias: string }
  | { readonly op: 'DisableKey' | 'EnableKey'; readonly key: number };

/** Keys (by index) with their state and tags, and alias → key index: plain, sorted. */
interface ModelState {
  readonly keys: readonly { readonly state: string; readonly tags: Record<string, string> }[];
  readonly aliases: Record<string, number>;
}

export interface WorkloadReport {
  readonly outcomeCounts: Record<string, number>;
  /** Calls whose answer differs from the model's: `#index op: got … expected …`. */
  readonly mismatchedOutcomes: readonly string[];
  readonly finalState: ModelState;
  readonly modelState: ModelState;
}

const KEYS = 4;
const TAGS = ['env', 'team', 'cost', 'owner', 'tier', 'app'];
const ALIASES = ['a0', 'a1', 'a2', 'a3', 'a4'].map((a) => `alias/mix/${a}`);

/** mulberry32: a seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let r = Math.imul(s ^ (s >>> 15), 1 | s);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

function randomCalls(count: number, seed: number): Call[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const key = () => Math.floor(next() * KEYS);
  const makers: (() => Call)[] = [
    () => ({
      op: 'TagResource',
      key: key(),
      tag: pick(TAGS),
      value: String(Math.floor(next() * 1000)),
    }),
    () => ({ op: 'UntagResource', key: key(), tag: pick(TAGS) }),
    () => ({ op: 'CreateAlias', alias: pick(ALIASES), key: key() }),
    () => ({ op: 'UpdateAlias', alias: pick(ALIASES), key: key() }),
    () => ({ op: 'DeleteAlias', alias: pick(ALIASES) }),
    () => ({ op: 'DisableKey', key: key() }),
    () => ({ op: 'EnableKey', key: key() }),
  ];
  return Array.from({ length: count }, () => pick(makers)());
}

/** The item at `index`; the workload's indexes always exist. */
function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}

interface Model {
  readonly keys: { state: string; readonly tags: Map<string, string> }[];
  readonly aliases: Map<string, number>;
}

/** The call's outcome in the model ('ok' or the AWS error name), applying it if it succeeds. */
function applyToModel(model: Model, call: Call): string {
  switch (call.op) {
    case 'TagResource':
      at(model.keys, call.key).tags.set(call.tag, call.value);
      return 'ok';
    case 'UntagResource':
      at(model.keys, call.key).tags.delete(call.tag);
      return 'ok';
    case 'CreateAlias':
      if (model.aliases.has(call.alias)) return 'AlreadyExistsException';
      model.aliases.set(call.alias, call.key);
      return 'ok';
    case 'UpdateAlias':
      if (!model.aliases.has(call.alias)) return 'NotFoundException';
      model.aliases.set(call.alias, call.key);
      return 'ok';
    case 'DeleteAlias':
      return model.aliases.delete(call.alias) ? 'ok' : 'NotFoundException';
    case 'DisableKey':
      at(model.keys, call.key).state = 'Disabled';
      return 'ok';
    case 'EnableKey':
      at(model.keys, call.key).state = 'Enabled';
      return 'ok';
  }
}

/** The model as plain sorted data, comparable with what the sandbox answers. */
function stateOf(model: Model): ModelState {
  return {
    keys: model.keys.map((k) => ({
      state: k.state,
      tags: Object.fromEntries([...k.tags].sort(([a], [b]) => a.localeCompare(b))),
    })),
    aliases: Object.fromEntries([...model.aliases].sort(([a], [b]) => a.localeCompare(b))),
  };
}

function send(
  kms: KMSClient,
  keyIds: readonly string[],
  call: Call,
): Promise<{ $metadata: { requestId?: string } }> {
  const keyId = 'key' in call ? keyIds[call.key] : undefined;
  switch (call.op) {
    case 'TagResource':
      return kms.send(
        new TagResourceCommand({
          KeyId: keyId,
          Tags: [{ TagKey: call.tag, TagValue: call.value }],
        }),
      );
    case 'UntagResource':
      return kms.send(new UntagResourceCommand({ KeyId: keyId, TagKeys: [call.tag] }));
    case 'CreateAlias':
      return kms.send(new CreateAliasCommand({ AliasName: call.alias, TargetKeyId: keyId }));
    case 'UpdateAlias':
      return kms.send(new UpdateAliasCommand({ AliasName: call.alias, TargetKeyId: keyId }));
    case 'DeleteAlias':
      return kms.send(new DeleteAliasCommand({ AliasName: call.alias }));
    case 'DisableKey':
      return kms.send(new DisableKeyCommand({ KeyId: keyId }));
    case 'EnableKey':
      return kms.send(new EnableKeyCommand({ KeyId: keyId }));
  }
}

interface Answer {
  readonly outcome: string;
  readonly requestId: string;
}

async function runAll(
  kms: KMSClient,
  keyIds: readonly string[],
  calls: readonly Call[],
  parallel: number,
): Promise<Answer[]> {
  const answers: Answer[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < calls.length) {
      const index = next++;
      try {
        const out = await send(kms, keyIds, at(calls, index));
        answers[index] = { outcome: 'ok', requestId: out.$metadata.requestId ?? '' };
      } catch (e) {
        const err = e as { name?: string; $metadata?: { requestId?: string } };
        answers[index] = {
          outcome: err.name ?? 'Error',
          requestId: err.$metadata?.requestId ?? '',
        };
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return answers;
}

/** Request ids of the KMS events since `since`, oldest first (the sandbox's commit order). */
async function commitOrder(trail: CloudTrailClient, since: Date): Promise<string[]> {
  const newestFirst: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await trail.send(
      new LookupEventsCommand({
        StartTime: since,
        LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 'kms.amazonaws.com' }],
        MaxResults: 50,
        NextToken,
      }),
    );
    for (const event of page.Events ?? []) {
      const record = JSON.parse(event.CloudTrailEvent ?? '{}') as { requestID?: string };
      if (record.requestID) newestFirst.push(record.requestID);
    }
    NextToken = page.NextToken;
  } while (NextToken);
  return newestFirst.reverse();
}

async function readState(kms: KMSClient, keyIds: readonly string[]): Promise<Model> {
  const keys = await Promise.all(
    keyIds.map(async (KeyId) => {
      const meta = await kms.send(new DescribeKeyCommand({ KeyId }));
      const tags = (await kms.send(new ListResourceTagsCommand({ KeyId }))).Tags ?? [];
      return {
        state: meta.KeyMetadata?.KeyState ?? '',
        tags: new Map(tags.map((t) => [t.TagKey ?? '', t.TagValue ?? ''])),
      };
    }),
  );
  const listed = (await kms.send(new ListAliasesCommand({ Limit: 100 }))).Aliases ?? [];
  const aliases = new Map<string, number>();
  for (const a of listed) {
    if (a.AliasName?.startsWith('alias/mix/')) {
      aliases.set(a.AliasName, keyIds.indexOf(a.TargetKeyId ?? ''));
    }
  }
  return { keys, aliases };
}

export async function runMixedWorkload(
  t: TestSandbox,
  kms: KMSClient,
  options: { readonly calls: number; readonly parallel: number; readonly seed: number },
): Promise<WorkloadReport> {
  const keyIds: string[] = [];
  for (let i = 0; i < KEYS; i++) {
    keyIds.push((await kms.send(new CreateKeyCommand({}))).KeyMetadata?.KeyId ?? '');
  }
  const since = new Date(Date.now() - 1000);
  const calls = randomCalls(options.calls, options.seed);
  const answers = await runAll(kms, keyIds, calls, options.parallel);

  const byRequest = new Map(answers.map((a, i) => [a.requestId, i]));
  const order = (await commitOrder(new CloudTrailClient(t.client('prod')), since)).filter((id) =>
    byRequest.has(id),
  );
  if (order.length !== calls.length) {
    throw new Error(`CloudTrail holds ${order.length} of the ${calls.length} calls`);
  }
  const model: Model = {
    keys: keyIds.map(() => ({ state: 'Enabled', tags: new Map<string, string>() })),
    aliases: new Map<string, number>(),
  };
  const mismatchedOutcomes: string[] = [];
  for (const requestId of order) {
    const index = byRequest.get(requestId) ?? -1;
    const call = at(calls, index);
    const expected = applyToModel(model, call);
    const got = at(answers, index).outcome;
    if (got !== expected)
      mismatchedOutcomes.push(
        `#${index} ${JSON.stringify(call)}: got ${got}, expected ${expected}`,
      );
  }
  const outcomeCounts: Record<string, number> = {};
  for (const a of answers) outcomeCounts[a.outcome] = (outcomeCounts[a.outcome] ?? 0) + 1;
  const finalState = stateOf(await readState(kms, keyIds));
  return { outcomeCounts, mismatchedOutcomes, finalState, modelState: stateOf(model) };
}
