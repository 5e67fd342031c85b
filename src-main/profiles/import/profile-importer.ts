import { chmod, readFile, realpath, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { z } from 'zod';
import { KeywardError, serializeError } from '../../../src-shared/errors';
import type { ProfileSummary } from '../../../src-shared/models/profile';
import type {
  ImportResult,
  ImportScan,
  RemoveKeysResult,
} from '../../../src-shared/models/profile-import';
import type {
  importProfilesInput,
  removeKeysFromFileInput,
} from '../../../src-shared/schemas/profile-import-input';
import { writeFileAtomic } from '../../storage/atomic-file';
import type { ProfileService } from '../profile-service';
import { awsFilePaths, loadAwsFiles, sha256, type AwsFilesEnv } from './aws-files';
import { importOrder } from './import-order';
import { mapImportCandidates, type ImportCandidate, type ImportPlan } from './map-entries';
import { KEY_SETTINGS, removeKeyLines } from './remove-keys';

type ImportInput = z.output<typeof importProfilesInput>;
type RemoveInput = z.output<typeof removeKeysFromFileInput>;
type Profiles = Pick<
  ProfileService,
  'list' | 'resolver' | 'addAccessKey' | 'addAssumeRole' | 'addSharedConfig' | 'addSso'
>;

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Import from the AWS CLI's files (AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE honoured): scan,
 * import the chosen profiles, and — only when asked, with a backup — take the imported static
 * keys out of the plaintext credentials file.
 */
export function createProfileImporter(deps: {
  profiles: Profiles;
  /** Where to look for the files; the process environment in the app, a temp dir in tests. */
  env: AwsFilesEnv;
  now?: () => Date;
}) {
  const { profiles } = deps;
  const paths = () => awsFilePaths(deps.env);
  const now = deps.now ?? (() => new Date());

  async function candidates() {
    const files = await loadAwsFiles(paths());
    const existing = (await profiles.list()).map((profile) => profile.name);
    return { files: files.files, candidates: mapImportCandidates(files, existing) };
  }

  async function importOne(
    candidate: ImportCandidate,
    plan: ImportPlan,
    input: ImportInput,
  ): Promise<ProfileSummary> {
    const { name, region } = candidate.entry;
    const common = { name, defaultRegion: region ?? input.defaultRegion };
    switch (plan.kind) {
      case 'access-key':
        return profiles.addAccessKey({
          ...common,
          target: input.target,
          accessKeyId: plan.accessKeyId,
          secretAccessKey: plan.secretAccessKey,
          mfaSerial: plan.mfaSerial,
          saveUnverified: input.saveUnverified,
        });
      case 'assume-role': {
        const source = (await profiles.list()).find((p) => sameName(p.name, plan.sourceProfile));
        if (!source) {
          throw new KeywardError(
            'invalid-state',
            `“${name}” is assumed with “${plan.sourceProfile}”, which is not in Keyward.`,
            { hint: `Import “${plan.sourceProfile}” together with it.` },
          );
        }
        return profiles.addAssumeRole({
          ...common,
          sourceProfileId: source.id,
          roleArn: plan.roleArn,
          externalId: plan.externalId,
          sessionName: plan.sessionName ?? 'keyward',
          durationSeconds: plan.durationSeconds ?? 3600,
          mfaSerial: plan.mfaSerial,
          // A role that needs MFA is saved unchecked: its first session asks for the code.
          saveUnverified: plan.mfaSerial ? true : input.saveUnverified,
        });
      }
      case 'sso':
        return profiles.addSso({
          ...common,
          target: input.target,
          startUrl: plan.startUrl,
          ssoRegion: plan.ssoRegion,
          accountId: plan.accountId,
          roleName: plan.roleName,
        });
      case 'shared-config':
        return profiles.addSharedConfig({
          ...common,
          target: input.target,
          configProfile: name,
          saveUnverified: input.saveUnverified,
        });
    }
  }

  /** The candidate and its plan, or the reason it cannot be imported. */
  function accepted(candidate: ImportCandidate | undefined, name: string) {
    if (!candidate) {
      throw new KeywardError('not-found', `There is no profile “${name}” in your AWS files.`, {
        hint: 'Scan again: the files may have changed.',
      });
    }
    if (candidate.entry.alreadyImported) {
      throw new KeywardError('conflict', `A Keyward profile named “${name}” exists already.`);
    }
    if (!candidate.plan) {
      throw new KeywardError('validation', `“${name}” cannot be imported.`, {
        hint: candidate.entry.problems.join(' '),
      });
    }
    return { candidate, plan: candidate.plan };
  }

  return {
    async scan(): Promise<ImportScan> {
      const found = await candidates();
      return { files: found.files, entries: found.candidates.map((c) => c.entry) };
    },

    /** Imports in dependency order: a role's source profile first. One result per name. */
    async import(input: ImportInput): Promise<ImportResult> {
      const byName = new Map((await candidates()).candidates.map((c) => [c.entry.name, c]));
      const order = importOrder([...new Set(input.names)], (name) => {
        const plan = byName.get(name)?.plan;
        return plan?.kind === 'assume-role' ? plan.sourceProfile : undefined;
      });
      const failed = new Set<string>();
      const results: ImportResult['results'] = [];
      for (const name of order) {
        try {
          const { candidate, plan } = accepted(byName.get(name), name);
          if (plan.kind === 'assume-role' && failed.has(plan.sourceProfile)) {
            throw new KeywardError(
              'invalid-state',
              `Its source profile “${plan.sourceProfile}” was not imported.`,
            );
          }
          results.push({ name, profile: await importOne(candidate, plan, input), error: null });
        } catch (error) {
          failed.add(name);
          const reason =
            error instanceof KeywardError
              ? error
              : new KeywardError('internal', `Importing “${name}” failed unexpectedly.`);
          results.push({ name, profile: null, error: serializeError(reason) });
        }
      }
      return { results };
    },

    /**
     * Rewrites the credentials file without the key lines of profiles whose key is now in the
     * keychain, after a timestamped backup (0600) next to it. All or nothing.
     */
    async removeKeysFromFile(input: RemoveInput): Promise<RemoveKeysResult> {
      const path = await realpath(paths().credentials).catch(() => {
        throw new KeywardError(
          'not-found',
          `There is no credentials file at ${paths().credentials}.`,
        );
      });
      const text = await readFile(path, 'utf8');
      if (sha256(text) !== input.sha256) {
        throw new KeywardError(
          'conflict',
          `${path} changed since Keyward read it; nothing was removed.`,
          { hint: 'Scan again and check the list before removing keys.' },
        );
      }
      const files = await loadAwsFiles({ config: paths().config, credentials: path });
      const names = [...new Set(input.names)];
      const keyward = await profiles.list();
      for (const name of names) {
        const inFile = files.credentialsProfiles[name]?.aws_access_key_id;
        if (!inFile) {
          throw new KeywardError('validation', `“${name}” has no access key in ${path}.`);
        }
        const profile = keyward.find((p) => p.kind === 'access-key' && p.name === name);
        const held = profile ? await profiles.resolver.credentials(profile.id) : undefined;
        if (held?.accessKeyId !== inFile) {
          throw new KeywardError(
            'invalid-state',
            `The keychain does not hold “${name}”’s key from ${path}; nothing was removed.`,
            { hint: 'Import the profile first; keys are removed only once Keyward holds them.' },
          );
        }
      }
      const stamp = now().toISOString().replace(/[:.]/g, '-');
      const backupPath = `${path}.keyward-backup-${stamp}`;
      await writeFile(backupPath, text, { mode: 0o600, flag: 'wx' });
      await chmod(backupPath, 0o600);
      const marker = `# Keyward moved this profile's keys to the OS keychain on ${now().toISOString()} (backup: ${basename(backupPath)})`;
      const rewritten = removeKeyLines(text, new Set(names), marker);
      await writeFileAtomic(path, rewritten);
      const after = await loadAwsFiles({ config: paths().config, credentials: path });
      const left = names.filter((name) =>
        Object.keys(after.credentialsProfiles[name] ?? {}).some((key) => KEY_SETTINGS.has(key)),
      );
      if (left.length > 0) {
        await writeFileAtomic(path, text);
        throw new KeywardError(
          'internal',
          `Keys of ${left.join(', ')} were still in ${path} after the rewrite; the original is restored.`,
        );
      }
      return { credentialsFile: path, backupPath, removed: names, sha256: sha256(rewritten) };
    },
  };
}

export type ProfileImporter = ReturnType<typeof createProfileImporter>;
