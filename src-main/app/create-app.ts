import type { AppInfo, HostKind } from '../../src-shared/models/app-info';
import { createAppHandlers } from '../api/app-handlers';
import { createDispatcher, type Dispatcher } from '../api/dispatcher';
import type { HandlerTable } from '../api/handler-types';
import { createEbsInventoryHandlers } from '../api/ebs-inventory-handlers';
import { createKeysHandlers } from '../api/keys-handlers';
import { createKeyChangesHandlers } from '../api/key-changes-handlers';
import { createKeyDetailHandlers } from '../api/key-detail-handlers';
import { createOperationsHandlers } from '../api/operations-handlers';
import { createProfileImportHandlers } from '../api/profile-import-handlers';
import { createProfilesHandlers } from '../api/profiles-handlers';
import { createSecretsHandlers } from '../api/secrets-handlers';
import { createSettingsHandlers } from '../api/settings-handlers';
import { createWorkflowsHandlers } from '../api/workflows-handlers';
import { createSharingHandlers } from '../api/sharing-handlers';
import { createViewsHandlers } from '../api/views-handlers';
import { createVolumesHandlers } from '../api/volumes-handlers';
import { createZonesHandlers } from '../api/zones-handlers';
import { createViewStore } from '../views/view-store';
import { createClientFactory } from '../aws/client-factory';
import { networkSettingsOf } from '../aws/network/network-settings';
import { createCredentialStores } from '../credentials/credential-stores';
import type { SecretStore } from '../credentials/secret-store';
import { createDiagnostics } from '../diagnostics/diagnostics-service';
import { createAmiInventory, createSnapshotInventory } from '../ebs-inventory/inventories';
import { createSharingReader } from '../ebs-inventory/sharing-reader';
import { createInventoryService } from '../keys/inventory-service';
import { createLastUsageReader } from '../keys/last-usage';
import { createScopeStore } from '../keys/scope-store';
import { createFileLogger, type Logger } from '../log/logger';
import { createEventBus, type EventBus } from '../operations/event-bus';
import { createOperationRunner } from '../operations/operation-runner';
import { createProfileImporter } from '../profiles/import/profile-importer';
import { createProfileService } from '../profiles/profile-service';
import { createProfileStore } from '../profiles/profile-store';
import type { UrlOpener } from '../profiles/sso/sso-sessions';
import { startEmbeddedSandbox } from '../sandbox/embedded-sandbox';
import { createSettingsStore } from '../settings/settings-store';
import { createWorkflowEngine } from '../workflows/workflow-engine';
import { ensurePrivateDir, tightenTree } from '../../src-node/fs/private-files';
import { appIdentity } from './app-identity';

export interface KeywardApp {
  readonly dispatcher: Dispatcher;
  readonly events: EventBus;
  readonly logger: Logger;
  readonly dataDir: string;
  close(): Promise<void>;
}

export interface HostDescription {
  readonly host: HostKind;
  readonly versions: AppInfo['versions'];
}

/**
 * The composition root shared by both hosts: everything below it knows nothing of Electron or
 * HTTP. Hosts bind `dispatcher` and `events` to their transport.
 */
export function createKeywardApp(options: {
  dataDir: string;
  host: HostDescription;
  /** Stands in for the OS keychain backend (tests); the encrypted file store is always the real one. */
  secrets?: SecretStore;
  logger?: Logger;
  /** Start the embedded sandbox (default true; unit tests of the hosts turn it off). */
  sandbox?: boolean;
  /** Opens a URL in the system browser (IAM Identity Center sign-in); absent: the page shows the link. */
  openUrl?: UrlOpener;
}): KeywardApp {
  const { dataDir, host } = options;
  ensurePrivateDir(dataDir);
  // Older versions left logs/ and sandbox/ 0755 and their files 0644.
  const stillOpen = tightenTree(dataDir);
  const logger = options.logger ?? createFileLogger(dataDir);
  if (stillOpen.length > 0) {
    logger.log('warn', 'could not take group and other access off these paths', {
      paths: stillOpen.slice(0, 20),
    });
  }
  const events = createEventBus();
  const operations = createOperationRunner(events, logger);
  const settings = createSettingsStore(dataDir, logger);
  // The access layer: every AWS client, on the network settings saved at the time it is made.
  const aws = createClientFactory({
    network: async () => networkSettingsOf(await settings.get()),
    logger,
  });
  const profileStore = createProfileStore(dataDir, logger);
  // Profiles' secrets: the OS keychain or the encrypted file, as Settings → Credential store says.
  const credentialStores = createCredentialStores({
    dataDir,
    settings,
    logger,
    ...(options.secrets ? { keychain: options.secrets } : {}),
    profilesWithSecrets: async () =>
      (await profileStore.list()).flatMap(({ id, name, kind }) =>
        kind === 'access-key' || kind === 'sso' ? [{ id, name, kind }] : [],
      ),
  });
  const diagnostics = createDiagnostics({ dataDir, settings, credentialStores });
  const sandbox = options.sandbox === false ? undefined : startEmbeddedSandbox(dataDir, logger);
  const profiles = createProfileService({
    store: profileStore,
    secrets: credentialStores.secrets,
    sandbox,
    logger,
    aws,
    ...(options.openUrl ? { openUrl: options.openUrl } : {}),
  });
  const importer = createProfileImporter({ profiles, env: process.env });
  const keysScope = createScopeStore({ dataDir, settings: () => settings.get(), logger });
  const principal = (profileId: string) => profiles.resolver.principal(profileId);
  const inventoryDeps = {
    aws,
    principal,
    profileName: async (profileId: string) =>
      (await profiles.list()).find((profile) => profile.id === profileId)?.name ?? profileId,
    scope: keysScope,
  };
  const inventory = createInventoryService(inventoryDeps);

  const info = (): AppInfo => ({
    name: appIdentity.productName,
    version: appIdentity.version,
    host: host.host,
    dataDir,
    platform: process.platform,
    arch: process.arch,
    sandbox: sandbox?.status() ?? { state: 'off', accounts: [] },
    versions: host.versions,
  });

  // Key operations act as a profile: the same resolver the profiles use for their own calls.
  const keys = {
    aws,
    principal: (profileId: string) => profiles.resolver.principal(profileId),
    dataDir,
    logger,
  };
  // Guided jobs (design.md §6): runs journaled under <data dir>/workflow-runs; the runbook names
  // each profile as Keyward does.
  const workflows = createWorkflowEngine({
    ctx: keys,
    profileNames: async () => {
      const names = new Map((await profiles.list()).map((p) => [p.id, p.name]));
      return (id) => names.get(id) ?? id;
    },
  });
  const handlers: HandlerTable = {
    ...createAppHandlers({ info, diagnostics }),
    ...createSettingsHandlers({ settings, profiles }),
    ...createProfilesHandlers({ profiles, settings }),
    ...createProfileImportHandlers({ importer, settings }),
    ...createSecretsHandlers(credentialStores),
    ...createOperationsHandlers(operations),
    ...createKeyDetailHandlers(keys),
    ...createKeyChangesHandlers(keys),
    ...createKeysHandlers({
      inventory,
      lastUsage: createLastUsageReader({ aws, principal }),
      scope: keysScope,
    }),
    ...createWorkflowsHandlers(workflows),
    ...createSharingHandlers(keys),
    ...createViewsHandlers(createViewStore({ dataDir, logger })),
    ...createEbsInventoryHandlers({
      snapshots: createSnapshotInventory(inventoryDeps),
      amis: createAmiInventory(inventoryDeps),
      sharing: createSharingReader({ aws, principal }),
    }),
    ...createVolumesHandlers(keys),
    ...createZonesHandlers(keys),
  };

  logger.log('info', 'keyward started', { host: host.host, version: appIdentity.version });
  return {
    dispatcher: createDispatcher({ handlers, operations, logger }),
    events,
    logger,
    dataDir,
    async close() {
      for (const op of operations.list()) operations.cancel(op.operationId);
      await operations.idle();
      aws.close();
      credentialStores.close();
      await sandbox?.stop();
    },
  };
}
