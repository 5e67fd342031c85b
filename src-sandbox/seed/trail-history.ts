import type { CloudTrailRecord } from '../trail/types';
import { demoKey, demoKeyArn } from './demo-keys';
import * as W from './demo-world';
import type { Seeder } from './seeder';
import type { StoreReader } from '../state/store-types';
import { eventTimeOf } from '../trail/build-record';
import { KMS_KEY } from '../services/kms/model';
import { HistoryWriter, USER_AGENTS } from './trail-history-kit';

/** How far back the seeded event history reaches. */
export const TRAIL_HISTORY_DAYS = 30;
const DAY = 86_400_000;

/**
 * 30 days of plausible CloudTrail history for the demo world (about 5,000 events; reference §5.2):
 * application roles and AWS services using the demo KMS keys, console and Keyward browsing, EBS
 * grants and snapshots, nightly cross-account copies through backup's BackupOperator role,
 * rotation service events, the deletion of old-reporting, the disabling of retired-analytics,
 * and prod-developer's denied attempts. Deterministic for a given `seed` (except identities'
 * ids, which come from the seeded IAM documents); every event lies before `now`.
 */
export function generateTrailHistory(
  reader: StoreReader,
  now: Date,
  seed = 20240115,
): CloudTrailRecord[] {
  const h = new HistoryWriter(reader, now, TRAIL_HISTORY_DAYS, seed);
  const P = W.PROD_ACCOUNT;
  const B = W.BACKUP_ACCOUNT;
  const appData = demoKey('app-data');
  const payments = demoKey('payments-legacy');
  const ebs = demoKey('ebs-workloads');
  const orders = demoKey('global-orders');
  const drBackups = demoKey('dr-backups');
  const admin = h.user(P, W.ADMIN_USER, USER_AGENTS.keyward, '203.0.113');
  const consoleAdmin = h.user(P, W.ADMIN_USER, USER_AGENTS.console, '203.0.113');
  const developer = h.user(P, W.DEVELOPER_USER, USER_AGENTS.cli, '203.0.113');
  const nat = () => h.ip('198.51.100');
  const instances = ['i-0a1b2c3d4e5f60718', 'i-0b2c3d4e5f6071829', 'i-0c3d4e5f607182930'];
  const appServers = instances.map((i) => h.role(P, 'app-server', i, USER_AGENTS.java, nat()));
  const etl = h.role(P, 'etl-pipeline', 'glue-job-nightly', USER_AGENTS.boto, nat());
  const paymentsBatch = h.role(P, 'payments-batch', 'settlement-run', USER_AGENTS.boto, nat());
  const ordersSvc = h.role(P, 'orders-service', 'orders-api', USER_AGENTS.go, nat());
  const s3ctx = () => ({
    encryptionContext: {
      'aws:s3:arn': `arn:aws:s3:::keyward-demo-data/exports/${h.hex(8)}.parquet`,
    },
  });
  const dk = { keySpec: 'AES_256' };
  const alg = { encryptionAlgorithm: 'SYMMETRIC_DEFAULT' };

  // Application traffic on app-data, payments-legacy and the multi-Region orders key.
  for (let i = 0; i < 1400; i++)
    h.kms(h.pick(appServers), 'Decrypt', appData, {
      ...alg,
      encryptionContext: { app: 'orders-api' },
    });
  for (let i = 0; i < 700; i++)
    h.kms(h.pick(appServers), 'GenerateDataKey', appData, {
      ...dk,
      encryptionContext: { app: 'orders-api' },
    });
  for (let i = 0; i < 400; i++)
    h.kms(h.via(etl, 's3.amazonaws.com'), h.pick(['GenerateDataKey', 'Decrypt']), appData, s3ctx());
  for (let i = 0; i < 500; i++)
    h.kms(paymentsBatch, h.pick(['Encrypt', 'Decrypt', 'Decrypt']), payments, alg);
  for (const [region, n] of [
    ['us-east-1', 200],
    ['eu-west-1', 200],
    ['ap-southeast-2', 150],
  ] as const) {
    for (let i = 0; i < n; i++)
      h.kms(ordersSvc, h.pick(['Decrypt', 'GenerateDataKey']), orders, dk, { awsRegion: region });
  }

  // EBS: volume attach decrypts, grants and data keys EC2 asks for, nightly snapshots.
  for (let i = 0; i < 250; i++) {
    const vol = `vol-0${h.hex(16)}`;
    const infra = h.role(
      P,
      'aws:ec2-infrastructure',
      h.pick(instances),
      'AWS Internal',
      'AWS Internal',
    );
    h.kms(infra, 'Decrypt', ebs, { ...alg, encryptionContext: { 'aws:ebs:id': vol } });
  }
  for (let i = 0; i < 60; i++) {
    const vol = `vol-0${h.hex(16)}`;
    const t = h.anyTime();
    const caller = h.via(h.pick([admin, ...appServers]), 'ec2.amazonaws.com');
    h.kms(
      caller,
      'GenerateDataKeyWithoutPlaintext',
      ebs,
      { ...dk, encryptionContext: { 'aws:ebs:id': vol } },
      { eventTime: t },
    );
    h.kms(
      caller,
      'CreateGrant',
      ebs,
      {
        granteePrincipal: `arn:aws:sts::${P}:assumed-role/aws:ec2-infrastructure/${h.pick(instances)}`,
        retiringPrincipal: 'ec2.us-east-1.amazonaws.com',
        operations: ['Decrypt'],
        constraints: { encryptionContextSubset: { 'aws:ebs:id': vol } },
      },
      {
        eventTime: t,
        readOnly: false,
        responseElements: { grantId: h.hex(64), keyId: demoKeyArn(ebs) },
      },
    );
  }
  const dlm = h.role(
    P,
    'AWSDataLifecycleManagerDefaultRole',
    'dlm-snapshots',
    'dlm.amazonaws.com',
    'dlm.amazonaws.com',
  );
  for (let d = 0; d < TRAIL_HISTORY_DAYS; d++) {
    for (const vol of ['vol-0a11b22c33d44e55f', 'vol-0b22c33d44e55f660', 'vol-0c33d44e55f660771']) {
      h.emit(h.via(dlm, 'dlm.amazonaws.com'), {
        eventSource: 'ec2.amazonaws.com',
        eventName: 'CreateSnapshot',
        eventTime: h.daysAgo(d, 2 + h.rnd()),
        awsRegion: 'us-east-1',
        recipientAccountId: P,
        readOnly: false,
        requestParameters: { volumeId: vol, description: 'Created by DLM nightly policy' },
        responseElements: {
          snapshotId: `snap-0${h.hex(16)}`,
          volumeId: vol,
          status: 'pending',
          encrypted: true,
          kmsKeyId: demoKeyArn(ebs),
        },
      });
    }
  }

  // Nightly disaster-recovery copies: prod assumes BackupOperator, which copies into us-west-2.
  for (let d = 0; d < TRAIL_HISTORY_DAYS; d++) {
    const t = h.daysAgo(d, 3 + h.rnd());
    const session = `prod-dr-copy-${eventTimeOf(t).slice(0, 10).replace(/-/g, '')}`;
    h.emit(
      { ...admin, ua: USER_AGENTS.cli },
      {
        eventSource: 'sts.amazonaws.com',
        eventName: 'AssumeRole',
        eventTime: t,
        awsRegion: 'us-east-1',
        recipientAccountId: P,
        readOnly: true,
        requestParameters: {
          roleArn: W.BACKUP_OPERATOR_ARN,
          roleSessionName: session,
          externalId: W.BACKUP_OPERATOR_EXTERNAL_ID,
        },
        responseElements: {
          assumedRoleUser: {
            arn: `arn:aws:sts::${B}:assumed-role/${W.BACKUP_OPERATOR_ROLE}/${session}`,
          },
        },
        resources: [{ accountId: B, type: 'AWS::IAM::Role', ARN: W.BACKUP_OPERATOR_ARN }],
      },
      [B],
    );
    const operator = h.role(B, W.BACKUP_OPERATOR_ROLE, session, USER_AGENTS.cli, h.ip('203.0.113'));
    for (let s = 0; s < 3; s++) {
      const at = new Date(t.getTime() + (s + 1) * 60_000);
      const source = `snap-0${h.hex(16)}`;
      h.emit(operator, {
        eventSource: 'ec2.amazonaws.com',
        eventName: 'CopySnapshot',
        eventTime: at,
        awsRegion: 'us-west-2',
        recipientAccountId: B,
        readOnly: false,
        requestParameters: {
          sourceRegion: 'us-east-1',
          sourceSnapshotId: source,
          encrypted: true,
          kmsKeyId: demoKeyArn(drBackups),
        },
        responseElements: { snapshotId: `snap-0${h.hex(16)}` },
      });
      // Cross-account key use is recorded in the caller's and the key owner's account (§5.2).
      h.kms(
        h.via(operator, 'ec2.amazonaws.com'),
        'Decrypt',
        ebs,
        alg,
        { eventTime: at, recipientAccountId: B },
        [P],
      );
      h.kms(
        h.via(operator, 'ec2.amazonaws.com'),
        'GenerateDataKeyWithoutPlaintext',
        drBackups,
        dk,
        {
          eventTime: at,
        },
      );
    }
  }

  // People: console and Keyward browsing, the developer, and the key lifecycle changes.
  const browse = ['DescribeKey', 'GetKeyPolicy', 'GetKeyRotationStatus', 'ListResourceTags'];
  const prodKeys = [
    'app-data',
    'payments-legacy',
    'ebs-workloads',
    'code-signing',
    'webhook-signing',
    'global-orders',
  ].map(demoKey);
  for (let i = 0; i < 450; i++) {
    const a = i % 3 === 0 ? admin : consoleAdmin;
    const t = h.anyTime();
    if (i % 5 === 0) {
      for (const name of ['ListKeys', 'ListAliases']) {
        h.emit(a, {
          eventSource: 'kms.amazonaws.com',
          eventName: name,
          eventTime: t,
          awsRegion: h.pick(W.DEMO_REGIONS),
          recipientAccountId: P,
          readOnly: true,
        });
      }
    } else h.kms(a, h.pick(browse), h.pick(prodKeys), {}, { eventTime: t });
  }
  for (let i = 0; i < 80; i++)
    h.kms(developer, h.pick(['DescribeKey', 'Encrypt', 'ListResourceTags']), appData, {});
  const denied = (name: string, d: number, params: object) =>
    h.kms(developer, name, appData, params, {
      eventTime: h.daysAgo(d, 14 + h.rnd() * 2),
      readOnly: name !== 'PutKeyPolicy',
      errorCode: 'AccessDenied', // UNCONFIRMED (reference §5.2): the API answers AccessDeniedException
      errorMessage: `User: arn:aws:iam::${P}:user/${W.DEVELOPER_USER} is not authorized to perform: kms:${name} on resource: ${demoKeyArn(appData)} because no identity-based policy allows the kms:${name} action`,
    });
  for (const d of [6, 4, 4])
    denied('Decrypt', d, { ...alg, encryptionContext: { app: 'orders-api' } });
  denied('PutKeyPolicy', 3, { policyName: 'default', bypassPolicyLockoutSafetyCheck: false });

  const oldReporting = demoKey('old-reporting');
  for (let i = 0; i < 25; i++)
    h.kms(etl, 'Decrypt', oldReporting, alg, {
      eventTime: h.daysAgo(12 + Math.floor(h.rnd() * 17)),
    });
  // Matches the KMS seeder: scheduled 10 days ago with a 30-day window (deletion in 20 days).
  const deletion = new Date(Math.floor(now.getTime() / 1000) * 1000 - 10 * DAY);
  h.kms(
    consoleAdmin,
    'ScheduleKeyDeletion',
    oldReporting,
    { pendingWindowInDays: 30 },
    {
      eventTime: deletion,
      readOnly: false,
      responseElements: {
        keyId: demoKeyArn(oldReporting),
        keyState: 'PendingDeletion',
        // KMS prints dates in responseElements like `Aug 10, 2022, 10:38:27 PM` (§5.2).
        deletionDate: new Date(deletion.getTime() + 30 * DAY).toLocaleString('en-US', {
          timeZone: 'UTC',
          dateStyle: 'medium',
          timeStyle: 'medium',
        }),
        pendingWindowInDays: 30,
      },
    },
  );
  const retired = demoKey('retired-analytics');
  for (let i = 0; i < 30; i++)
    h.kms(etl, 'Decrypt', retired, alg, { eventTime: h.daysAgo(22 + Math.floor(h.rnd() * 8)) });
  h.kms(
    consoleAdmin,
    'DisableKey',
    retired,
    {},
    { eventTime: h.daysAgo(21, 16.25), readOnly: false },
  );
  h.kms(etl, 'Decrypt', retired, alg, {
    eventTime: h.daysAgo(20, 2.1),
    errorCode: 'DisabledException',
    errorMessage: `${demoKeyArn(retired)} is disabled.`,
  });

  // Rotations, on the dates the KMS seeder gave the keys' material (reference §5.2).
  for (const { value: key } of h.reader.listAll(KMS_KEY)) {
    if (key.multiRegion !== undefined && key.multiRegion.primaryRegion !== key.region) continue;
    for (const rotation of key.rotations) {
      if (!h.inWindow(rotation.date)) continue;
      const resources = [{ accountId: key.account, type: 'AWS::KMS::Key', ARN: key.arn }];
      if (rotation.type === 'AUTOMATIC') {
        h.emit(
          {
            identity: { type: 'AWSService', accountId: key.account, invokedBy: 'AWS Internal' },
            ua: 'AWS Internal',
            ip: 'AWS Internal',
          },
          {
            eventName: 'RotateKey',
            eventTime: new Date(rotation.date),
            awsRegion: key.region,
            recipientAccountId: key.account,
            readOnly: false,
            eventType: 'AwsServiceEvent',
            resources,
            serviceEventDetails: { keyId: key.keyId },
          },
        );
      } else {
        h.emit(h.user(key.account, W.ADMIN_USER, USER_AGENTS.keyward, '203.0.113'), {
          eventName: 'RotateKeyOnDemand',
          eventTime: new Date(rotation.date),
          awsRegion: key.region,
          recipientAccountId: key.account,
          readOnly: false,
          requestParameters: { keyId: key.keyId },
          responseElements: { keyId: key.arn },
          resources,
        });
      }
    }
  }

  // Other accounts and regions.
  const partner = h.user(W.PARTNER_ACCOUNT, W.ADMIN_USER, USER_AGENTS.boto, '192.0.2');
  const inbox = demoKey('vendor-inbox');
  for (let i = 0; i < 180; i++)
    h.kms(partner, h.pick(['Decrypt', 'Decrypt', 'Encrypt', 'DescribeKey']), inbox, {});
  const drEast = demoKey('dr-backups-east');
  for (let i = 0; i < 60; i++)
    h.kms(
      h.role(B, W.BACKUP_OPERATOR_ROLE, 'restore-drill', USER_AGENTS.cli, h.ip('203.0.113')),
      'GenerateDataKey',
      drEast,
      dk,
    );
  return h.sorted();
}

/** Seeds the history; runs after the identity and key seeders (SEEDERS order). */
export const trailHistorySeeder: Seeder = {
  name: 'trail-history',
  seed(ctx) {
    for (const r of generateTrailHistory(ctx.tx, ctx.now)) ctx.recordEvent(r);
  },
};
