import type { Caller } from '../identity/caller';
import { ACCESS_KEY, IAM_ROLE, IAM_USER } from '../identity/model';
import { GLOBAL_REGION, type StoreReader } from '../state/store-types';
import { buildRecord, eventTimeOf, userIdentityOf, type RecordInput } from '../trail/build-record';
import type { CloudTrailRecord, UserIdentity } from '../trail/types';
import { demoKeyArn, type DemoKeySpec } from './demo-keys';

export const DAY_MS = 86_400_000;

/** Plausible user agents of the callers in the seeded history. */
export const USER_AGENTS = {
  console: 'console.amazonaws.com',
  keyward:
    'aws-sdk-js/3.1164.0 ua/2.1 os/darwin#24.1.0 lang/js md/nodejs#20.19.0 api/kms#3.1164.0 app/keyward#0.1.0',
  cli: 'aws-cli/2.17.20 md/awscrt#0.20.11 ua/2.0 os/linux#6.5.0 md/arch#x86_64 lang/python#3.11.9 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/command#kms',
  java: 'aws-sdk-java/2.25.60 Linux/5.10.219-208.866.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.11+9-LTS Java/17.0.11 vendor/Amazon.com_Inc. exec-env/AWS_ECS_EC2 io/sync http/Apache cfg/retry-mode/legacy',
  boto: 'Boto3/1.34.120 md/Botocore#1.34.120 ua/2.0 os/linux#5.10.219 md/arch#x86_64 lang/python#3.11.9 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.120',
  go: 'aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5 md/GOOS#linux md/GOARCH#amd64 api/kms#1.35.3',
} as const;

/** Documentation address ranges only (RFC 5737). */
export type DocNet = '192.0.2' | '198.51.100' | '203.0.113';

/** Who calls, from where, with what. */
export interface Actor {
  readonly identity: UserIdentity;
  readonly ua: string;
  readonly ip: string;
}

/** A record without the actor's parts; `eventSource` defaults to KMS. */
export type HistoryEvent = Omit<
  RecordInput,
  'userIdentity' | 'sourceIPAddress' | 'userAgent' | 'eventSource'
> & { readonly eventSource?: string };

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEX = '0123456789abcdef';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * Deterministic building blocks for a seeded CloudTrail history: ids, times inside the window
 * `[end - days, end]`, actors built from the seeded IAM documents, and records.
 */
export class HistoryWriter {
  readonly records: CloudTrailRecord[] = [];
  readonly rnd: () => number;
  readonly start: number;
  readonly end: number;

  constructor(
    readonly reader: StoreReader,
    now: Date,
    days: number,
    seed: number,
  ) {
    this.rnd = prng(seed);
    this.end = now.getTime() - 10 * 60_000;
    this.start = this.end - days * DAY_MS;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)] as T;
  }

  chars(alphabet: string, n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[Math.floor(this.rnd() * alphabet.length)];
    return out;
  }

  hex(n: number): string {
    return this.chars(HEX, n);
  }

  uuid(): string {
    const h = this.hex(32);
    const variant = HEX[8 + Math.floor(this.rnd() * 4)] ?? '8';
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20)}`;
  }

  /** Whether an epoch-ms time lies inside the history window. */
  inWindow(time: number): boolean {
    return time >= this.start && time <= this.end;
  }

  anyTime(): Date {
    return new Date(this.start + Math.floor(this.rnd() * (this.end - this.start)));
  }

  /** `d` days before the window's end, at `hour` UTC (default: office hours). */
  daysAgo(d: number, hour = 9 + this.rnd() * 8): Date {
    const day = Math.floor((this.end - d * DAY_MS) / DAY_MS) * DAY_MS;
    return new Date(Math.min(this.end, day + hour * 3_600_000));
  }

  ip(net: DocNet): string {
    return `${net}.${10 + Math.floor(this.rnd() * 200)}`;
  }

  /** An IAM user of the seeded world (its real user id and access key when they exist). */
  user(account: string, name: string, ua: string, net: DocNet): Actor {
    const scope = { account, region: GLOBAL_REGION };
    const doc = this.reader.get(IAM_USER, scope, name.toLowerCase());
    const key = this.reader.list(ACCESS_KEY, scope).find((k) => k.userName === name);
    const caller: Caller = {
      kind: 'user',
      account,
      arn: `arn:aws:iam::${account}:user/${name}`,
      userId: doc?.userId ?? `AIDA${this.chars(BASE32, 17)}`,
      userName: name,
      accessKeyId: key?.accessKeyId ?? `AKIA${this.chars(BASE32, 16)}`,
      temporary: false,
      mfaAuthenticated: false,
    };
    return { identity: userIdentityOf(caller), ua, ip: this.ip(net) };
  }

  /** A role session (the role's real id when the seeded world has the role). */
  role(account: string, name: string, session: string, ua: string, ip: string): Actor {
    const doc = this.reader.get(IAM_ROLE, { account, region: GLOBAL_REGION }, name.toLowerCase());
    const id = doc?.roleId ?? `AROA${this.chars(BASE32, 17)}`;
    const caller: Caller = {
      kind: 'assumed-role',
      account,
      arn: `arn:aws:sts::${account}:assumed-role/${name}/${session}`,
      userId: `${id}:${session}`,
      role: { name, arn: `arn:aws:iam::${account}:role/${name}`, id },
      sessionName: session,
      accessKeyId: `ASIA${this.chars(BASE32, 16)}`,
      temporary: true,
      mfaAuthenticated: false,
      sessionIssuedAt: eventTimeOf(this.anyTime()),
    };
    return { identity: userIdentityOf(caller), ua, ip };
  }

  /** The actor's call as made for them by an AWS service (`invokedBy`, service IP and agent). */
  via(a: Actor, service: string): Actor {
    return { identity: { ...a.identity, invokedBy: service }, ua: service, ip: service };
  }

  keyResources(k: DemoKeySpec, region = k.region) {
    return [{ accountId: k.account, type: 'AWS::KMS::Key', ARN: demoKeyArn(k, region) }];
  }

  /** Records the event for its recipient and for `also` (sharing a `sharedEventID`). */
  emit(a: Actor, e: HistoryEvent, also: readonly string[] = []): void {
    const shared = also.length > 0 ? this.uuid() : undefined;
    for (const recipient of [e.recipientAccountId, ...also]) {
      this.records.push(
        buildRecord({
          ...e,
          userIdentity: a.identity,
          sourceIPAddress: a.ip,
          userAgent: a.ua,
          eventSource: e.eventSource ?? 'kms.amazonaws.com',
          recipientAccountId: recipient,
          requestID: this.uuid(),
          eventID: this.uuid(),
          ...(shared ? { sharedEventID: shared } : {}),
        }),
      );
    }
  }

  /** A KMS call on a demo key (read-only unless `o.readOnly`; region may be a replica's). */
  kms(
    a: Actor,
    name: string,
    k: DemoKeySpec,
    params: object,
    o: Partial<HistoryEvent> = {},
    also: readonly string[] = [],
  ): void {
    const region = o.awsRegion ?? k.region;
    this.emit(
      a,
      {
        eventName: name,
        eventTime: o.eventTime ?? this.anyTime(),
        awsRegion: region,
        recipientAccountId: o.recipientAccountId ?? a.identity.accountId ?? k.account,
        readOnly: o.readOnly ?? true,
        requestParameters: { keyId: demoKeyArn(k, region), ...params },
        resources: this.keyResources(k, region),
        ...o,
      },
      also,
    );
  }

  /** The records, oldest first. */
  sorted(): CloudTrailRecord[] {
    return this.records.sort((x, y) =>
      x.eventTime < y.eventTime ? -1 : x.eventTime > y.eventTime ? 1 : 0,
    );
  }
}
