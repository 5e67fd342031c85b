import { createHash } from 'node:crypto';
import { SandboxError } from '../protocols/sandbox-error';
import type { SqliteDatabase } from '../../src-node/sqlite/open-database';
import type { CloudTrailRecord, LookupEvent, TrailPage, TrailQuery } from './types';

interface EventRow {
  seq: number;
  event_id: string;
  event_time: number;
  event_name: string;
  event_source: string;
  username: string | null;
  access_key_id: string | null;
  read_only: number;
  record: string;
}

interface Cursor {
  readonly t: number;
  readonly s: number;
  readonly h: string;
}

/** The name LookupEvents shows as `Username` (reference §5.1: session name for assumed roles — UNCONFIRMED). */
export function usernameOf(record: CloudTrailRecord): string | undefined {
  const id = record.userIdentity;
  switch (id.type) {
    case 'Root':
      return 'root';
    case 'IAMUser':
      return id.userName;
    case 'AssumedRole':
      return id.arn?.split('/').at(-1);
    default:
      return id.userName;
  }
}

const ATTRIBUTE_COLUMN = {
  EventId: 'e.event_id',
  EventName: 'e.event_name',
  EventSource: 'e.event_source',
  Username: 'e.username',
  AccessKeyId: 'e.access_key_id',
  ReadOnly: 'e.read_only',
} as const;

/**
 * CloudTrail event history: one row per record, indexed for every LookupEvents attribute.
 * `insert` is meant to run inside a store transaction's `onCommit` so that a request's state
 * change and its record commit together; `record` is the standalone form.
 */
export class TrailStore {
  private readonly insertEvent;
  private readonly insertResource;

  /**
   * `beforeRead` runs before every query: the server passes the document store's flush so that
   * LookupEvents sees the write-behind records of calls already answered.
   */
  constructor(
    private readonly db: SqliteDatabase,
    private readonly beforeRead: () => void = () => undefined,
  ) {
    this.insertEvent = db.prepare(
      `INSERT INTO events (event_id, account, region, event_time, event_name, event_source, username,
        access_key_id, read_only, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertResource = db.prepare(
      `INSERT INTO event_resources (event_seq, account, region, event_time, resource_type, resource_name)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
  }

  /** Inserts without opening a transaction (call inside one). */
  insert(record: CloudTrailRecord): void {
    const time = Date.parse(record.eventTime);
    const info = this.insertEvent.run(
      record.eventID,
      record.recipientAccountId,
      record.awsRegion,
      time,
      record.eventName,
      record.eventSource,
      usernameOf(record) ?? null,
      record.userIdentity.accessKeyId ?? null,
      record.readOnly ? 1 : 0,
      JSON.stringify(record),
    );
    for (const r of record.resources ?? []) {
      this.insertResource.run(
        info.lastInsertRowid,
        record.recipientAccountId,
        record.awsRegion,
        time,
        r.type ?? null,
        r.ARN ?? null,
      );
    }
  }

  /** Records events in their own transaction. */
  record(...records: readonly CloudTrailRecord[]): void {
    this.db.transaction(() => {
      for (const r of records) this.insert(r);
    })();
  }

  count(account?: string, region?: string): number {
    this.beforeRead();
    const row = (
      account === undefined
        ? this.db.prepare('SELECT count(*) AS n FROM events').get()
        : this.db
            .prepare('SELECT count(*) AS n FROM events WHERE account = ? AND region = ?')
            .get(account, region)
    ) as { n: number };
    return row.n;
  }

  /**
   * Resource lookups walk the resources index in time order and join the events (an event
   * naming the resource twice is returned once), so a page costs O(page) at any history size.
   */
  private byResource(
    q: TrailQuery,
    key: 'ResourceName' | 'ResourceType',
    value: string,
    cursor: Cursor | undefined,
  ): EventRow[] {
    const column = key === 'ResourceName' ? 'resource_name' : 'resource_type';
    const where = ['r.account = ?', 'r.region = ?', `r.${column} = ?`];
    const args: (string | number)[] = [q.account, q.region, value];
    const from = Math.max(q.start?.getTime() ?? -Infinity, q.notBefore?.getTime() ?? -Infinity);
    if (from !== -Infinity) {
      where.push('r.event_time >= ?');
      args.push(from);
    }
    if (q.end) {
      where.push('r.event_time <= ?');
      args.push(q.end.getTime());
    }
    if (cursor) {
      where.push('(r.event_time < ? OR (r.event_time = ? AND r.event_seq < ?))');
      args.push(cursor.t, cursor.t, cursor.s);
    }
    const statement = this.db.prepare(
      `SELECT e.* FROM event_resources r CROSS JOIN events e ON e.seq = r.event_seq
       WHERE ${where.join(' AND ')} ORDER BY r.event_time DESC, r.event_seq DESC LIMIT ?`,
    );
    return fetchDistinct((n) => statement.all(...args, n) as EventRow[], q.limit + 1);
  }

  /** Newest first. Throws `InvalidNextTokenException` for a token from a different query. */
  query(q: TrailQuery): TrailPage {
    this.beforeRead();
    const hash = queryHash(q);
    const cursor = q.nextToken === undefined ? undefined : decodeCursor(q.nextToken, hash);
    const where: string[] = ['e.account = ?', 'e.region = ?'];
    const args: (string | number)[] = [q.account, q.region];
    const from = Math.max(q.start?.getTime() ?? -Infinity, q.notBefore?.getTime() ?? -Infinity);
    if (from !== -Infinity) {
      where.push('e.event_time >= ?');
      args.push(from);
    }
    if (q.end) {
      where.push('e.event_time <= ?');
      args.push(q.end.getTime());
    }
    if (cursor) {
      where.push('(e.event_time < ? OR (e.event_time = ? AND e.seq < ?))');
      args.push(cursor.t, cursor.t, cursor.s);
    }
    const attr = q.attribute;
    let rows: EventRow[];
    if (attr?.key === 'ResourceName' || attr?.key === 'ResourceType') {
      rows = this.byResource(q, attr.key, attr.value, cursor);
    } else {
      if (attr) {
        where.push(`${ATTRIBUTE_COLUMN[attr.key]} = ?`);
        args.push(attr.key === 'ReadOnly' ? (attr.value === 'true' ? 1 : 0) : attr.value);
      }
      const sql = `SELECT e.* FROM events e WHERE ${where.join(' AND ')}
        ORDER BY e.event_time DESC, e.seq DESC LIMIT ?`;
      args.push(q.limit + 1);
      rows = this.db.prepare(sql).all(...args) as EventRow[];
    }
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    const more = rows.length > q.limit && last !== undefined;
    return {
      events: page.map(toLookupEvent),
      ...(more ? { nextToken: encodeCursor({ t: last.event_time, s: last.seq, h: hash }) } : {}),
    };
  }
}

function fetchDistinct(fetch: (n: number) => EventRow[], wanted: number): EventRow[] {
  for (let n = wanted * 2; ; n *= 4) {
    const rows = fetch(n);
    const seen = new Set<number>();
    const unique = rows.filter((r) => !seen.has(r.seq) && seen.add(r.seq));
    if (unique.length >= wanted || rows.length < n) return unique.slice(0, wanted);
  }
}

function toLookupEvent(row: EventRow): LookupEvent {
  const record = JSON.parse(row.record) as CloudTrailRecord;
  return {
    EventId: row.event_id,
    EventName: row.event_name,
    ReadOnly: row.read_only === 1 ? 'true' : 'false',
    ...(row.access_key_id === null ? {} : { AccessKeyId: row.access_key_id }),
    EventTime: new Date(row.event_time),
    EventSource: row.event_source,
    ...(row.username === null ? {} : { Username: row.username }),
    Resources: (record.resources ?? []).map((r) => ({
      ...(r.type === undefined ? {} : { ResourceType: r.type }),
      ...(r.ARN === undefined ? {} : { ResourceName: r.ARN }),
    })),
    CloudTrailEvent: row.record,
  };
}

function queryHash(q: TrailQuery): string {
  const key = JSON.stringify([
    q.account,
    q.region,
    q.attribute?.key,
    q.attribute?.value,
    q.start?.getTime(),
    q.end?.getTime(),
  ]);
  return createHash('sha256').update(key).digest('base64url').slice(0, 16);
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(token: string, hash: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (typeof c.t === 'number' && typeof c.s === 'number' && c.h === hash) {
      return { t: c.t, s: c.s, h: c.h };
    }
  } catch {
    // fall through
  }
  throw new SandboxError('InvalidNextTokenException', 'Invalid NextToken');
}
