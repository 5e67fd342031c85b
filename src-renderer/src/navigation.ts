import {
  IconCamera,
  IconHistory,
  IconKey,
  IconListCheck,
  IconSettings,
  IconStack2,
  IconTools,
  IconUserShield,
  type Icon,
} from '@tabler/icons-react';
import type { ComponentType, LazyExoticComponent } from 'react';
import { lazyNamed } from './lazy-named';

export interface NavItem {
  readonly path: string;
  readonly label: string;
  readonly description: string;
  readonly icon: Icon;
  readonly shortcut: string;
  /** Rendered at `path`; its code loads on the first visit. */
  readonly page: LazyExoticComponent<ComponentType>;
}

/**
 * The left navigation, the command palette and the router all read this one list: a page is
 * added here and nowhere else.
 */
export const navItems: readonly NavItem[] = [
  {
    path: '/keys',
    label: 'Keys',
    description: 'KMS keys across accounts and regions',
    icon: IconKey,
    shortcut: 'alt+1',
    page: lazyNamed(() => import('./pages/Keys.page'), 'KeysPage'),
  },
  {
    path: '/snapshots',
    label: 'Snapshots',
    description: 'Encrypted EBS snapshots and volumes',
    icon: IconCamera,
    shortcut: 'alt+2',
    page: lazyNamed(() => import('./pages/Snapshots.page'), 'SnapshotsPage'),
  },
  {
    path: '/amis',
    label: 'AMIs',
    description: 'Machine images on encrypted snapshots',
    icon: IconStack2,
    shortcut: 'alt+3',
    page: lazyNamed(() => import('./pages/Amis.page'), 'AmisPage'),
  },
  {
    path: '/runs',
    label: 'Runs',
    description: 'Guided jobs: plan, outcome, CloudTrail events; continue one',
    icon: IconListCheck,
    shortcut: 'alt+4',
    page: lazyNamed(() => import('./pages/Runs.page'), 'RunsPage'),
  },
  {
    path: '/audit',
    label: 'Audit',
    description: 'Who used which key, when and from where',
    icon: IconHistory,
    shortcut: 'alt+5',
    page: lazyNamed(() => import('./pages/Audit.page'), 'AuditPage'),
  },
  {
    path: '/workbench',
    label: 'Workbench',
    description: 'Encrypt, decrypt, sign and verify by hand',
    icon: IconTools,
    shortcut: 'alt+6',
    page: lazyNamed(() => import('./pages/Workbench.page'), 'WorkbenchPage'),
  },
  {
    path: '/profiles',
    label: 'Profiles',
    description: 'Credentials and identities',
    icon: IconUserShield,
    shortcut: 'alt+7',
    page: lazyNamed(() => import('./pages/Profiles.page'), 'ProfilesPage'),
  },
  {
    path: '/settings',
    label: 'Settings',
    description: 'Theme, regions, safety and diagnostics',
    icon: IconSettings,
    shortcut: 'alt+8',
    page: lazyNamed(() => import('./pages/Settings.page'), 'SettingsPage'),
  },
];

export interface DetailRoute {
  readonly path: string;
  /** Rendered at `path`; its code loads on the first visit. */
  readonly page: LazyExoticComponent<ComponentType>;
}

const ReencryptPage = lazyNamed(() => import('./pages/Reencrypt.page'), 'ReencryptPage');

/** Pages reached from another page (not in the navigation or the palette): the router reads these too. */
export const detailRoutes: readonly DetailRoute[] = [
  {
    path: '/keys/:profileId/:region/:keyId',
    page: lazyNamed(() => import('./pages/KeyDetail.page'), 'KeyDetailPage'),
  },
  {
    path: '/keys/rotate/:profileId/:region/:keyId',
    page: lazyNamed(() => import('./pages/ManualRotation.page'), 'ManualRotationPage'),
  },
  {
    path: '/snapshots/copy/:profileId/:region/:snapshotId',
    page: lazyNamed(() => import('./pages/CopySnapshot.page'), 'CopySnapshotPage'),
  },
  {
    path: '/snapshots/reencrypt/:profileId/:region/:snapshotId',
    page: ReencryptPage,
  },
  {
    path: '/volumes/reencrypt/:profileId/:region/:volumeId',
    page: ReencryptPage,
  },
  {
    path: '/volumes/reencrypt',
    page: lazyNamed(() => import('./pages/ChooseVolume.page'), 'ChooseVolumePage'),
  },
  {
    path: '/amis/share/:profileId/:region/:imageId',
    page: lazyNamed(() => import('./pages/ShareAmi.page'), 'ShareAmiPage'),
  },
  {
    path: '/runs/:runId',
    page: lazyNamed(() => import('./pages/RunDetail.page'), 'RunDetailPage'),
  },
  {
    path: '/sharing/revoke',
    page: lazyNamed(() => import('./pages/RevokeSharing.page'), 'RevokeSharingPage'),
  },
  {
    path: '/snapshots/share/:profileId/:region/:snapshotId',
    page: lazyNamed(() => import('./pages/ShareSnapshot.page'), 'ShareSnapshotPage'),
  },
];
