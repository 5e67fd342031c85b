import { ec2SeedWriter } from '../services/ec2/seed-support';
import type { Ec2Tag, EncryptionFacts } from '../services/ec2/model';
import { demoKey, demoKeyArn } from './demo-keys';
import { BACKUP_ACCOUNT, PROD_ACCOUNT } from './demo-world';
import type { Seeder } from './seeder';

/** Fixed ids of the demo world's EBS resources (docs and tests name them). */
export const PROD_VOLUME_WEB_ROOT = 'vol-0c0ffee0000000001';
export const PROD_VOLUME_DB_DATA = 'vol-0c0ffee0000000002';
export const PROD_VOLUME_LEGACY_ROOT = 'vol-0c0ffee0000000003';
export const PROD_VOLUME_BUILD_CACHE = 'vol-0c0ffee0000000004';

/** ebs-workloads snapshots (shareable). */
export const PROD_SNAPSHOT_DB_NIGHTLY = 'snap-0d15c000000000001';
export const PROD_SNAPSHOT_WEB_ROOT = 'snap-0d15c000000000002';
export const PROD_SNAPSHOT_WEB_DATA = 'snap-0d15c000000000003';
/** aws/ebs snapshots (cannot be shared). */
export const PROD_SNAPSHOT_LEGACY_ROOT = 'snap-0d15c000000000004';
export const PROD_SNAPSHOT_LEGACY_LOGS = 'snap-0d15c000000000005';
/** Unencrypted. */
export const PROD_SNAPSHOT_BUILD_CACHE = 'snap-0d15c000000000006';

/** AMI on the two ebs-workloads web snapshots; AMI on the aws/ebs legacy root snapshot. */
export const PROD_AMI_WEB = 'ami-0a310000000000001';
export const PROD_AMI_LEGACY = 'ami-0a310000000000002';

/** backup us-west-2: earlier copies of prod snapshots, re-encrypted with dr-backups. */
export const BACKUP_SNAPSHOT_DB_NIGHTLY = 'snap-0bac0000000000001';
export const BACKUP_SNAPSHOT_WEB_ROOT = 'snap-0bac0000000000002';
export const BACKUP_SNAPSHOT_WEB_DATA = 'snap-0bac0000000000003';
/** backup us-west-2, on dr-backups, shared with prod (prod sees it there as shared with it). */
export const BACKUP_SNAPSHOT_SHARED_REPORTS = 'snap-0bac0000000000004';

/** A public Amazon-owned snapshot and AMI (DescribeSnapshots without filters shows them). */
export const AMAZON_ACCOUNT = '137112412989';
export const AMAZON_PUBLIC_SNAPSHOT = 'snap-0a3a2000000000001';
export const AMAZON_PUBLIC_AMI = 'ami-0a3a2000000000001';

const P = PROD_ACCOUNT;
const B = BACKUP_ACCOUNT;
const E1 = 'us-east-1';
const W2 = 'us-west-2';
const AL2023 = 'Amazon Linux 2023 AMI 2023.6.20261101.0 x86_64 HVM kernel-6.1';

const tags = (name: string, extra: Record<string, string> = {}): Ec2Tag[] => [
  { key: 'Name', value: name },
  ...Object.entries(extra).map(([key, value]) => ({ key, value })),
];

/**
 * The demo world's EBS resources, all `completed`/`available`: prod us-east-1 volumes and
 * snapshots on ebs-workloads, on aws/ebs (cannot be shared — the wizards must meet them) and
 * unencrypted; an AMI on two ebs-workloads snapshots and one on an aws/ebs snapshot; backup
 * us-west-2 copies made earlier with dr-backups; one public Amazon snapshot and AMI.
 */
export const ec2Seeder: Seeder = {
  name: 'ec2',
  seed({ tx, now, recordEvent }) {
    const w = ec2SeedWriter(tx, now, recordEvent);
    const workloads: EncryptionFacts = {
      encrypted: true,
      kmsKeyArn: demoKeyArn(demoKey('ebs-workloads')),
      awsManagedKey: false,
    };
    const managed: EncryptionFacts = {
      encrypted: true,
      kmsKeyArn: w.managedEbsKeyArn(P, E1),
      awsManagedKey: true,
    };
    const dr: EncryptionFacts = {
      encrypted: true,
      kmsKeyArn: demoKeyArn(demoKey('dr-backups')),
      awsManagedKey: false,
    };
    const plain: EncryptionFacts = { encrypted: false };
    const prodVolume = (id: string, size: number, type: string, encryption: EncryptionFacts) => ({
      id,
      owner: P,
      region: E1,
      size,
      type,
      encryption,
    });
    w.volume({
      ...prodVolume(PROD_VOLUME_WEB_ROOT, 16, 'gp3', workloads),
      tags: tags('web-01-root', { Team: 'platform' }),
      daysAgo: 40,
    });
    w.volume({
      ...prodVolume(PROD_VOLUME_DB_DATA, 200, 'io2', workloads),
      tags: tags('db-primary-data', { Team: 'data' }),
      daysAgo: 60,
    });
    w.volume({
      ...prodVolume(PROD_VOLUME_LEGACY_ROOT, 8, 'gp2', managed),
      tags: tags('legacy-batch-root', { Team: 'analytics' }),
      daysAgo: 400,
    });
    w.volume({
      ...prodVolume(PROD_VOLUME_BUILD_CACHE, 50, 'gp2', plain),
      tags: tags('build-cache', { Team: 'release' }),
      daysAgo: 20,
    });

    const prodSnap = (id: string, volumeId: string, size: number, encryption: EncryptionFacts) => ({
      id,
      owner: P,
      region: E1,
      volumeId,
      size,
      encryption,
    });
    w.snapshot({
      ...prodSnap(PROD_SNAPSHOT_DB_NIGHTLY, PROD_VOLUME_DB_DATA, 200, workloads),
      description: 'db-primary nightly backup',
      tags: tags('db-primary-nightly', { Backup: 'nightly' }),
      daysAgo: 1,
    });
    w.snapshot({
      ...prodSnap(PROD_SNAPSHOT_WEB_ROOT, PROD_VOLUME_WEB_ROOT, 16, workloads),
      description: 'web tier root volume for the golden AMI',
      tags: tags('web-golden-root'),
      daysAgo: 14,
    });
    w.snapshot({
      ...prodSnap(PROD_SNAPSHOT_WEB_DATA, 'vol-0c0ffee0000000005', 32, workloads),
      description: 'web tier data volume for the golden AMI',
      tags: tags('web-golden-data'),
      daysAgo: 14,
    });
    w.snapshot({
      ...prodSnap(PROD_SNAPSHOT_LEGACY_ROOT, PROD_VOLUME_LEGACY_ROOT, 8, managed),
      description: 'legacy batch root (default EBS key)',
      tags: tags('legacy-batch-root'),
      daysAgo: 200,
    });
    w.snapshot({
      ...prodSnap(PROD_SNAPSHOT_LEGACY_LOGS, 'vol-0c0ffee0000000006', 20, managed),
      description: 'legacy batch logs (default EBS key)',
      tags: tags('legacy-batch-logs'),
      daysAgo: 190,
    });
    w.snapshot({
      ...prodSnap(PROD_SNAPSHOT_BUILD_CACHE, PROD_VOLUME_BUILD_CACHE, 50, plain),
      description: 'build cache warm-up',
      tags: tags('build-cache'),
      daysAgo: 3,
    });

    const drCopy = (id: string, source: string, size: number, name: string, daysAgo: number) =>
      w.snapshot({
        id,
        owner: B,
        region: W2,
        volumeId: 'vol-ffffffff',
        size,
        encryption: dr,
        description: `[Copied ${source} from ${E1}]`,
        tags: tags(name),
        daysAgo,
        source: { snapshotId: source, region: E1 },
      });
    drCopy(BACKUP_SNAPSHOT_DB_NIGHTLY, PROD_SNAPSHOT_DB_NIGHTLY, 200, 'dr-db-primary-nightly', 1);
    drCopy(BACKUP_SNAPSHOT_WEB_ROOT, PROD_SNAPSHOT_WEB_ROOT, 16, 'dr-web-golden-root', 13);
    drCopy(BACKUP_SNAPSHOT_WEB_DATA, PROD_SNAPSHOT_WEB_DATA, 32, 'dr-web-golden-data', 13);

    w.snapshot({
      id: BACKUP_SNAPSHOT_SHARED_REPORTS,
      owner: B,
      region: W2,
      volumeId: 'vol-0bac0000000000001',
      size: 40,
      encryption: dr,
      description: 'quarterly reports export for the prod account',
      tags: tags('reports-export-q3'),
      daysAgo: 5,
      sharedWith: [P],
    });

    w.image({
      id: PROD_AMI_WEB,
      owner: P,
      region: E1,
      name: 'web-tier-golden-2026-11',
      description: 'Web tier golden image (root + data volumes on ebs-workloads)',
      disks: [
        ['/dev/xvda', PROD_SNAPSHOT_WEB_ROOT, 16, true],
        ['/dev/xvdb', PROD_SNAPSHOT_WEB_DATA, 32, true],
      ],
      tags: tags('web-tier-golden', { Team: 'platform' }),
      daysAgo: 14,
    });
    w.image({
      id: PROD_AMI_LEGACY,
      owner: P,
      region: E1,
      name: 'legacy-batch-2024',
      description: 'Legacy batch worker (default EBS key: cannot be shared)',
      disks: [['/dev/xvda', PROD_SNAPSHOT_LEGACY_ROOT, 8, true]],
      tags: tags('legacy-batch', { Team: 'analytics' }),
      daysAgo: 200,
    });
    const amazon = { owner: AMAZON_ACCOUNT, region: E1, ownerAlias: 'amazon', public: true };
    w.snapshot({
      ...amazon,
      id: AMAZON_PUBLIC_SNAPSHOT,
      volumeId: 'vol-ffffffff',
      size: 8,
      encryption: plain,
      description: AL2023,
      tags: [],
      daysAgo: 27,
    });
    w.image({
      ...amazon,
      id: AMAZON_PUBLIC_AMI,
      name: 'al2023-ami-2023.6.20261101.0-kernel-6.1-x86_64',
      description: AL2023,
      disks: [['/dev/xvda', AMAZON_PUBLIC_SNAPSHOT, 8, false]],
      tags: [],
      daysAgo: 27,
    });
  },
};
