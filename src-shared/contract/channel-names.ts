// Names only, no zod: the one contract file the preload bundles. A test keeps it equal to the
// contract's keys.
export const CHANNEL_PREFIX = 'keyward:';
export const EVENT_CHANNEL = 'keyward:event';

export const callNames = [
  'app.info',
  'diagnostics.run',
  'settings.get',
  'settings.set',
  'network.status',
  'profiles.list',
  'profiles.addAccessKey',
  'profiles.addAssumeRole',
  'profiles.addSharedConfig',
  'profiles.addSso',
  'profiles.update',
  'profiles.startSession',
  'profiles.signIn',
  'profiles.signOut',
  'profiles.verify',
  'profiles.delete',
  'profiles.importScan',
  'profiles.import',
  'profiles.removeKeysFromFile',
  'regions.list',
  'operations.cancel',
  'operations.list',
] as const;

export const eventTopicNames = ['operation'] as const;
