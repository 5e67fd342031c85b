import type { ParsedIniData } from '@smithy/shared-ini-file-loader';
import type { z } from 'zod';
import { maskAccessKeyId } from '../../../src-shared/models/profile';
import type { ImportEntry } from '../../../src-shared/models/profile-import';
import {
  accessKeyId,
  addAssumeRoleProfileInput,
  addSharedConfigProfileInput,
  addSsoProfileInput,
  mfaSerial,
  profileName,
  roleArn,
  secretAccessKey,
} from '../../../src-shared/schemas/profile-input';
import { regionCode } from '../../../src-shared/schemas/regions';
import type { ParsedAwsFiles } from './aws-files';

type IniSection = ParsedIniData[string];

/** What importing an entry does; holds the static secret, so it never leaves main. */
export type ImportPlan =
  | { kind: 'access-key'; accessKeyId: string; secretAccessKey: string; mfaSerial?: string }
  | {
      kind: 'assume-role';
      sourceProfile: string;
      roleArn: string;
      externalId?: string;
      sessionName?: string;
      durationSeconds?: number;
      mfaSerial?: string;
    }
  | { kind: 'sso'; startUrl: string; ssoRegion: string; accountId: string; roleName: string }
  | { kind: 'shared-config' };

export interface ImportCandidate {
  readonly entry: ImportEntry;
  /** Absent when the entry has problems. */
  readonly plan: ImportPlan | undefined;
}

const { externalId, sessionName, durationSeconds } = addAssumeRoleProfileInput.shape;
const { startUrl, ssoRegion, accountId, roleName } = addSsoProfileInput.shape;
const { configProfile } = addSharedConfigProfileInput.shape;

/** Checks one value from the file; problems name the setting, never its value (it may be secret). */
function checker(problems: string[]) {
  return <S extends z.ZodType>(schema: S, value: string | number | undefined, setting: string) => {
    if (value === undefined) return undefined;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data as z.output<S>;
    problems.push(
      `${setting} is not valid: ${parsed.error.issues[0]?.message ?? 'unexpected value'}.`,
    );
    return undefined;
  };
}

interface Mapped {
  kind: ImportEntry['kind'];
  plan: ImportPlan | undefined;
  notes: string[];
  problems: string[];
  accessKeyHint?: string | null;
  roleArn?: string | null;
  sourceProfile?: string | null;
  sso?: ImportEntry['sso'];
}

function mapRole(name: string, p: IniSection, known: (source: string) => boolean): Mapped {
  const problems: string[] = [];
  const check = checker(problems);
  const arn = check(roleArn, p.role_arn, 'role_arn');
  const base = { roleArn: clip(p.role_arn, 2048), notes: [] as string[], problems };
  if (p.credential_source || p.web_identity_token_file) {
    const how = p.credential_source
      ? `credential_source = ${clip(p.credential_source, 60)}`
      : 'web_identity_token_file';
    return {
      ...base,
      kind: 'shared-config',
      plan: problems.length ? undefined : { kind: 'shared-config' },
      notes: [
        `A role assumed from ${how}: only the AWS SDK can supply those credentials, so Keyward resolves this profile from the file.`,
      ],
    };
  }
  const source = p.source_profile;
  if (!source) {
    problems.push('role_arn without source_profile or credential_source: nothing can assume it.');
    return { ...base, kind: 'assume-role', plan: undefined };
  }
  if (source === name) {
    return {
      ...base,
      kind: 'shared-config',
      sourceProfile: clip(source, 200),
      plan: problems.length ? undefined : { kind: 'shared-config' },
      notes: [
        'The role is assumed with this profile’s own keys; Keyward resolves it from the file.',
      ],
    };
  }
  if (!known(source))
    problems.push(`Its source_profile “${clip(source, 100)}” is not in your AWS files.`);
  const plan: ImportPlan = {
    kind: 'assume-role',
    sourceProfile: source,
    roleArn: arn ?? '',
    ...optional('externalId', check(externalId, p.external_id, 'external_id')),
    ...optional('sessionName', check(sessionName, p.role_session_name, 'role_session_name')),
    ...optional(
      'durationSeconds',
      check(
        durationSeconds,
        p.duration_seconds === undefined ? undefined : Number(p.duration_seconds),
        'duration_seconds',
      ),
    ),
    ...optional('mfaSerial', check(mfaSerial, p.mfa_serial, 'mfa_serial')),
  };
  return {
    ...base,
    kind: 'assume-role',
    sourceProfile: clip(source, 200),
    plan: problems.length ? undefined : plan,
  };
}

function mapSso(p: IniSection, sessions: ParsedAwsFiles['ssoSessions']): Mapped {
  const problems: string[] = [];
  const check = checker(problems);
  const sessionName = p.sso_session ?? null;
  let settings: IniSection = p;
  if (sessionName !== null) {
    const session = sessions[sessionName];
    if (!session)
      problems.push(
        `Its sso_session “${sessionName}” has no [sso-session ${sessionName}] section.`,
      );
    settings = session ?? {};
  }
  const values = {
    startUrl: check(startUrl, settings.sso_start_url, 'sso_start_url'),
    ssoRegion: check(ssoRegion, settings.sso_region, 'sso_region'),
    accountId: check(accountId, p.sso_account_id, 'sso_account_id'),
    roleName: check(roleName, p.sso_role_name, 'sso_role_name'),
  };
  if (!settings.sso_start_url || !settings.sso_region) {
    if (sessionName === null || sessions[sessionName])
      problems.push('sso_start_url and sso_region are both needed.');
  }
  if (!p.sso_account_id || !p.sso_role_name) {
    problems.push(
      'No sso_account_id and sso_role_name: a Keyward SSO profile signs in to one account and role.',
    );
  }
  const { startUrl: url, ssoRegion: region, accountId: account, roleName: role } = values;
  const complete = url && region && account && role;
  return {
    kind: 'sso',
    notes:
      sessionName === null
        ? ['Legacy SSO settings (sso_start_url in the profile); Keyward reads them all the same.']
        : [],
    problems,
    sso: {
      startUrl: clip(settings.sso_start_url, 512) ?? '',
      ssoRegion: clip(settings.sso_region, 64) ?? '',
      accountId: clip(p.sso_account_id, 12) ?? '',
      roleName: clip(p.sso_role_name, 64) ?? '',
      session: clip(sessionName ?? undefined, 200),
    },
    plan:
      complete && problems.length === 0
        ? { kind: 'sso', startUrl: url, ssoRegion: region, accountId: account, roleName: role }
        : undefined,
  };
}

function mapStaticKeys(p: IniSection): Mapped {
  const problems: string[] = [];
  const check = checker(problems);
  const id = check(accessKeyId, p.aws_access_key_id, 'aws_access_key_id');
  const secret = check(secretAccessKey, p.aws_secret_access_key, 'aws_secret_access_key');
  const hint = id ? maskAccessKeyId(id) : null;
  if (p.aws_session_token) {
    return {
      kind: 'shared-config',
      accessKeyHint: hint,
      notes: [
        'Temporary keys (aws_session_token): they expire, so Keyward leaves them in the file and reads them through the AWS SDK instead of copying them to the keychain.',
      ],
      problems: [],
      plan: { kind: 'shared-config' },
    };
  }
  const mfa = check(mfaSerial, p.mfa_serial, 'mfa_serial');
  return {
    kind: 'access-key',
    accessKeyHint: hint,
    notes: ['Static keys: the secret moves to the OS keychain.'],
    problems,
    plan:
      id && secret && problems.length === 0
        ? {
            kind: 'access-key',
            accessKeyId: id,
            secretAccessKey: secret,
            ...optional('mfaSerial', mfa),
          }
        : undefined,
  };
}

function mapOne(
  name: string,
  p: IniSection,
  files: ParsedAwsFiles,
  known: (source: string) => boolean,
): Mapped {
  if (p.role_arn) return mapRole(name, p, known);
  if (p.sso_session || p.sso_start_url) return mapSso(p, files.ssoSessions);
  if (p.aws_access_key_id && p.aws_secret_access_key) return mapStaticKeys(p);
  if (p.credential_process) {
    return {
      kind: 'shared-config',
      plan: { kind: 'shared-config' },
      notes: [
        'credential_process: Keyward runs it through the AWS SDK each time, as the CLI does.',
      ],
      problems: [],
    };
  }
  if (p.aws_access_key_id || p.aws_secret_access_key) {
    return {
      kind: 'access-key',
      plan: undefined,
      notes: [],
      problems: ['Only one of aws_access_key_id and aws_secret_access_key is set.'],
    };
  }
  return {
    kind: 'shared-config',
    plan: undefined,
    notes: [],
    problems: ['No credentials in this profile (only settings such as the region).'],
  };
}

/** A value from the file, shortened for display (the output schema bounds every field). */
function clip(value: string | undefined, max: number): string | null {
  if (value === undefined) return null;
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/**
 * One entry per profile in the two files, mapped to the Keyward kind that keeps it working:
 * static keys → access-key (keychain), source_profile roles → assume-role, SSO → sso, and what
 * only the SDK can resolve (credential_process, credential_source, temporary keys) → shared-config.
 * The SDK's precedence is followed: role_arn, then SSO, then static keys, then credential_process.
 */
export function mapImportCandidates(
  files: ParsedAwsFiles,
  existingNames: readonly string[],
): ImportCandidate[] {
  const names = [
    ...new Set([...Object.keys(files.configProfiles), ...Object.keys(files.credentialsProfiles)]),
  ]
    .filter((name) => name.length <= 200)
    .sort((a, b) => a.localeCompare(b));
  const existing = new Set(existingNames.map((name) => name.toLowerCase()));
  const inFiles = new Set(names);
  // A role's source may be a profile in the files, or one Keyward has already.
  const known = (source: string) => inFiles.has(source) || existing.has(source.toLowerCase());
  const mapped = new Map(
    names.map((name) => {
      // The SDK merges both files, the credentials file winning (parseKnownFiles).
      const section = { ...files.configProfiles[name], ...files.credentialsProfiles[name] };
      const result = mapOne(name, section, files, known);
      const region = section.region ? regionCode.safeParse(section.region) : undefined;
      if (region && !region.success)
        result.notes.push(
          `region “${clip(section.region, 64)}” is not a region code; the default is used.`,
        );
      if (!profileName.safeParse(name).success)
        result.problems.push('Keyward profile names use letters, digits, spaces and . _ - @ +.');
      else if (result.kind === 'shared-config' && !configProfile.safeParse(name).success)
        result.problems.push('Keyward can resolve only profile names without spaces.');
      return [name, { name, section, result, region: region?.success ? region.data : null }];
    }),
  );
  return [...mapped.values()].map(({ name, section, result, region }) => {
    const source = result.sourceProfile;
    const from = source === undefined || source === null ? undefined : mapped.get(source);
    if (result.kind === 'assume-role' && source && !from && existing.has(source.toLowerCase()))
      result.notes.push(`Assumed with the Keyward profile “${source}”.`);
    if (result.kind === 'assume-role' && source && from) {
      if (existing.has(source.toLowerCase()))
        result.notes.push(`Assumed with the Keyward profile “${source}”.`);
      else if (from.result.problems.length > 0)
        result.problems.push(`Its source profile “${source}” cannot be imported.`);
      else result.notes.push(`Assumed with “${source}”: import it too (it goes first).`);
    }
    const sources = (['config', 'credentials'] as const).filter((file) =>
      file === 'config' ? name in files.configProfiles : name in files.credentialsProfiles,
    );
    const alreadyImported = existing.has(name.toLowerCase());
    const plan = result.problems.length === 0 ? result.plan : undefined;
    const entry: ImportEntry = {
      name,
      sources,
      kind: result.kind,
      region,
      mfaSerial: clip(section.mfa_serial, 256),
      accessKeyHint: result.accessKeyHint ?? null,
      keysInCredentialsFile: Boolean(
        result.kind === 'access-key' && files.credentialsProfiles[name]?.aws_access_key_id,
      ),
      roleArn: result.roleArn ?? null,
      sourceProfile: source ?? null,
      sso: result.sso ?? null,
      notes: result.notes,
      problems: result.problems,
      alreadyImported,
      importable: plan !== undefined && !alreadyImported,
    };
    return { entry, plan };
  });
}
