import {
  IconCamera,
  IconHistory,
  IconKey,
  IconSettings,
  IconStack2,
  IconTools,
  IconUserShield,
  type Icon,
} from '@tabler/icons-react';

export interface NavItem {
  readonly path: string;
  readonly label: string;
  readonly description: string;
  readonly icon: Icon;
  readonly shortcut: string;
}

/** The left navigation, the command palette and the router all read this one list. */
export const navItems: readonly NavItem[] = [
  {
    path: '/keys',
    label: 'Keys',
    description: 'KMS keys across accounts and regions',
    icon: IconKey,
    shortcut: 'alt+1',
  },
  {
    path: '/snapshots',
    label: 'Snapshots',
    description: 'Encrypted EBS snapshots and volumes',
    icon: IconCamera,
    shortcut: 'alt+2',
  },
  {
    path: '/amis',
    label: 'AMIs',
    description: 'Machine images on encrypted snapshots',
    icon: IconStack2,
    shortcut: 'alt+3',
  },
  {
    path: '/audit',
    label: 'Audit',
    description: 'Who used which key, when and from where',
    icon: IconHistory,
    shortcut: 'alt+4',
  },
  {
    path: '/workbench',
    label: 'Workbench',
    description: 'Encrypt, decrypt, sign and verify by hand',
    icon: IconTools,
    shortcut: 'alt+5',
  },
  {
    path: '/profiles',
    label: 'Profiles',
    description: 'Credentials and identities',
    icon: IconUserShield,
    shortcut: 'alt+6',
  },
  {
    path: '/settings',
    label: 'Settings',
    description: 'Theme, regions, safety and diagnostics',
    icon: IconSettings,
    shortcut: 'alt+7',
  },
];
