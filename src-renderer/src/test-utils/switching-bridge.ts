import type { ProfileSummary } from '../../../src-shared/models/profile';
import { defaultSettings, type Settings } from '../../../src-shared/schemas/settings';
import { createMockBridge } from './mock-bridge';

/** A sandbox identity as main lists it ("Sandbox · backup", account 222222222222). */
export function sandboxProfile(name: string, accountId: string): ProfileSummary {
  return {
    id: `sandbox:${name}`,
    name: `Sandbox · ${name}`,
    kind: 'sandbox',
    target: 'sandbox',
    defaultRegion: 'us-east-1',
    status: 'verified',
    accountId,
    arn: `arn:aws:iam::${accountId}:user/admin`,
    principalType: 'user',
    lastVerifiedAt: null,
    lastError: null,
    accessKeyHint: null,
    mfaSerial: null,
    configProfile: null,
    roleArn: null,
    sourceProfileId: null,
    roleOptions: null,
    sso: null,
    session: null,
    needsMfa: false,
    removable: false,
  };
}

export const sandboxProfiles = [
  sandboxProfile('prod', '111111111111'),
  sandboxProfile('backup', '222222222222'),
  sandboxProfile('partner', '333333333333'),
  sandboxProfile('prod-developer', '111111111111'),
];

export const someRegions = [
  { code: 'us-east-1', name: 'US East (N. Virginia)', isDefault: true },
  { code: 'eu-west-1', name: 'Europe (Ireland)', isDefault: true },
  { code: 'eu-west-2', name: 'Europe (London)', isDefault: false },
  { code: 'ap-south-1', name: 'Asia Pacific (Mumbai)', isDefault: false },
];

/** A host with the sandbox profiles and a few regions, whose settings change as it is told. */
export function createSwitchingBridge() {
  let settings: Settings = { ...defaultSettings };
  const mock = createMockBridge({
    'profiles.list': () => ({ ok: true, value: sandboxProfiles }),
    'regions.list': () => ({ ok: true, value: someRegions }),
    'settings.get': () => ({ ok: true, value: settings }),
    'settings.set': (patch) => {
      settings = { ...settings, ...(patch as Partial<Settings>) };
      return { ok: true, value: settings };
    },
  });
  return { ...mock, settings: () => settings };
}
