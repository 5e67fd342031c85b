import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tightenTree } from '../src-node/fs/private-files';
import { FaultController, NO_FAULTS, parseFaultSpec } from './faults/fault-spec';
import { ADMIN_PREFIX, handleAdmin } from './http/admin-routes';
import { bodyTooLarge, dispatch, type SandboxRuntime } from './http/dispatch';
import {
  MAX_BODY_BYTES,
  readBody,
  readHead,
  remoteIp,
  replyTooLarge,
  writeReply,
} from './http/node-adapter';
import { jsonReply } from './sso/rest-json';
import { createCredentialLookup } from './identity/credential-lookup';
import { DEFAULT_MAX_SKEW_MS } from './auth/verify-signature';
import { writeCredentialFiles } from './seed/credentials-file';
import { DEMO_ACCOUNTS } from './seed/demo-world';
import { seedWorld, SEEDERS } from './seed';
import { ssoSeeder } from './seed/sso';
import type { RawRequest } from './protocols/types';
import { SERVICES } from './services';
import { handleSso, isSsoRoute } from './sso/routes';
import { bindCloudTrail, type RequestRate } from './services/cloudtrail';
import { bindKms, type KmsRequestQuotaMode } from './services/kms';
import { ServiceRegistry } from './services/registry';
import { openDatabase, readMeta, writeMeta } from './state/database';
import { DocumentStore } from './state/document-store';
import { TrailStore } from './trail/trail-store';

const SSO_SEEDED = 'seeded:sso';

export interface StartOptions {
  readonly dataDir: string;
  /** 0 or absent: a random free port. */
  readonly port?: number;
  /** Wipe the data dir's database and reseed. */
  readonly reset?: boolean;
  /** Fault spec, see faults/fault-spec.ts. */
  readonly faults?: string;
  /** Only loopback is ever bound. */
  readonly host?: '127.0.0.1';
  /** `--scale N`, passed to seeders. */
  readonly scale?: number;
  /** Clock (tests). */
  readonly now?: () => Date;
  /** Allowed clock skew for SigV4 (default 15 minutes). */
  readonly maxSkewMs?: number;
  /** CloudTrail LookupEvents requests per second per account and region (default 2); `off`. */
  readonly lookupEventsRate?: RequestRate;
  /** KMS request quotas of reference §2.11 (default `on`); `off` for tests and benchmarks. */
  readonly kmsRequestQuotas?: KmsRequestQuotaMode;
}

export interface DemoAccount {
  readonly name: 'prod' | 'backup' | 'partner';
  readonly id: string;
  readonly alias?: string;
  /** Administrator profile in the credentials file. */
  readonly profile: string;
}

export interface RunningSandbox {
  readonly endpoint: string;
  readonly port: number;
  readonly accounts: readonly DemoAccount[];
  /** Bearer token for `/__sandbox/faults`. */
  readonly adminToken: string;
  readonly credentialsFile: string;
  readonly configFile: string;
  /** In-process access for tests and tools (store, trail, faults). */
  readonly runtime: SandboxRuntime;
  stop(): Promise<void>;
}

/** Starts the sandbox on 127.0.0.1: every service on one port. */
export async function start(opts: StartOptions): Promise<RunningSandbox> {
  const now = opts.now ?? (() => new Date());
  // Older versions left the folder 0755 and sandbox.db* 0644; the folder holds access keys.
  for (const path of tightenTree(opts.dataDir)) {
    console.warn(`sandbox: could not take group and other access off ${path}`);
  }
  const db = openDatabase(opts.dataDir, { reset: opts.reset === true });
  const store = new DocumentStore(db);
  const trail = new TrailStore(db, () => store.flushPending());
  if (readMeta(db, 'seeded') === undefined) {
    seedWorld(store, trail, { now: now(), scale: opts.scale ?? 0, seeders: SEEDERS });
    writeMeta(db, 'seeded', now().toISOString());
    writeMeta(db, SSO_SEEDED, now().toISOString());
  } else if (readMeta(db, SSO_SEEDED) === undefined) {
    // Data dirs seeded before Identity Center existed get it now, once.
    seedWorld(store, trail, { now: now(), seeders: [ssoSeeder] });
    writeMeta(db, SSO_SEEDED, now().toISOString());
  }
  const runtime: SandboxRuntime = {
    store,
    trail,
    registry: new ServiceRegistry(
      bindKms(
        bindCloudTrail(SERVICES, {
          trail,
          ...(opts.lookupEventsRate === undefined
            ? {}
            : { lookupEventsRate: opts.lookupEventsRate }),
        }),
        opts.kmsRequestQuotas === undefined ? {} : { requestQuotas: opts.kmsRequestQuotas },
      ),
    ),
    credentials: createCredentialLookup(store),
    faults: new FaultController(opts.faults ? parseFaultSpec(opts.faults) : NO_FAULTS),
    now,
    maxSkewMs: opts.maxSkewMs ?? DEFAULT_MAX_SKEW_MS,
  };
  const adminToken = randomBytes(24).toString('base64url');
  const startedAt = Date.now();
  /** Admin and SSO routes answer in plain JSON, AWS API calls in their service's error shape. */
  const tooLargeReply = (head: RawRequest) =>
    head.path.startsWith(ADMIN_PREFIX) || isSsoRoute(head)
      ? jsonReply(413, { message: `Request must be smaller than ${MAX_BODY_BYTES} bytes.` })
      : bodyTooLarge(runtime, head, MAX_BODY_BYTES);
  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        const head = readHead(req);
        const body = await readBody(req);
        if (body === 'too-large') {
          replyTooLarge(req, res, tooLargeReply(head));
          return;
        }
        const raw = { ...head, body };
        if (raw.path.startsWith(ADMIN_PREFIX)) {
          const health = () => ({
            ok: true,
            services: SERVICES.map((s) => s.name),
            uptimeMs: Date.now() - startedAt,
          });
          writeReply(res, handleAdmin(raw, { adminToken, faults: runtime.faults, health }));
          return;
        }
        const client = { sourceIp: remoteIp(req) };
        const outcome = isSsoRoute(raw)
          ? await handleSso(raw, runtime, client)
          : await dispatch(runtime, raw, client);
        if (outcome === 'destroy') req.socket.destroy();
        else writeReply(res, outcome);
      } catch (e) {
        console.error('[sandbox] request failed:', e);
        if (!res.headersSent) writeReply(res, { status: 500, headers: {}, body: '' });
      }
    })();
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const endpoint = `http://127.0.0.1:${port}`;
  const files = writeCredentialFiles(opts.dataDir, store, endpoint);
  let stopped = false;
  return {
    endpoint,
    port,
    accounts: DEMO_ACCOUNTS,
    adminToken,
    ...files,
    runtime,
    async stop() {
      if (stopped) return;
      stopped = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      store.close();
      db.close();
    },
  };
}
