import type { KeyDetail } from '../../../../src-shared/models/key-detail';
import type { KeyMetadata } from '../../../../src-shared/models/key-metadata';
import type { KeyRef } from '../../../../src-shared/schemas/key-ref';
import type { Input } from '../../../../src-shared/contract';
import { materialProblems, toImportMaterial, type MaterialDraft } from '../shared/material-draft';

/** What the user chooses in the Options step. */
export interface RotationChoices {
  readonly aliases: readonly string[];
  readonly material: MaterialDraft;
  readonly scheduleDeletion: boolean;
  readonly deletionDays: number;
}

/** One AWS call the rotation makes, in order, with the AWS CLI command that does the same. */
export interface PlannedCall {
  readonly api: string;
  readonly purpose: string;
  readonly cli: string;
}

export type ProbeKind = 'decrypt' | 'verify-signature' | 'verify-mac' | null;

export const NEW_KEY = '<new-key-id>';

export function probeKind(metadata: KeyMetadata): ProbeKind {
  if (metadata.keyUsage === 'ENCRYPT_DECRYPT') return 'decrypt';
  if (metadata.keyUsage === 'SIGN_VERIFY') return 'verify-signature';
  if (metadata.keyUsage === 'GENERATE_VERIFY_MAC') return 'verify-mac';
  return null;
}

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

function probeCalls(metadata: KeyMetadata, region: string): [PlannedCall, PlannedCall] | [] {
  const key = `--key-id ${metadata.arn} --region ${region}`;
  const kind = probeKind(metadata);
  if (kind === 'decrypt') {
    const rsa =
      metadata.keySpec === 'SYMMETRIC_DEFAULT' ? '' : ' --encryption-algorithm RSAES_OAEP_SHA_256';
    return [
      {
        api: 'Encrypt',
        purpose: 'A 32-byte probe with the old key, before anything changes',
        cli: `aws kms encrypt ${key}${rsa} --plaintext fileb://probe.bin`,
      },
      {
        api: 'Decrypt',
        purpose: 'The probe again, after the aliases moved: old ciphertext must still decrypt',
        cli: `aws kms decrypt ${rsa ? `${key}${rsa}` : `--region ${region}`} --ciphertext-blob fileb://probe.enc`,
      },
    ];
  }
  if (kind === 'verify-signature') {
    const alg = `--signing-algorithm ${metadata.signingAlgorithms[0] ?? ''} --message-type RAW`;
    return [
      {
        api: 'Sign',
        purpose: 'A 32-byte probe signed with the old key',
        cli: `aws kms sign ${key} ${alg} --message fileb://probe.bin`,
      },
      {
        api: 'Verify',
        purpose: 'The probe’s signature verified with the old key afterwards',
        cli: `aws kms verify ${key} ${alg} --message fileb://probe.bin --signature fileb://probe.sig`,
      },
    ];
  }
  if (kind === 'verify-mac') {
    const alg = `--mac-algorithm ${metadata.macAlgorithms[0] ?? ''}`;
    return [
      {
        api: 'GenerateMac',
        purpose: 'A MAC of a 32-byte probe with the old key',
        cli: `aws kms generate-mac ${key} ${alg} --message fileb://probe.bin`,
      },
      {
        api: 'VerifyMac',
        purpose: 'The probe’s MAC verified with the old key afterwards',
        cli: `aws kms verify-mac ${key} ${alg} --message fileb://probe.bin --mac fileb://probe.mac`,
      },
    ];
  }
  return [];
}

function createCall(detail: KeyDetail, region: string): PlannedCall {
  const { metadata } = detail;
  const tags = detail.tags.ok ? detail.tags.value : [];
  const tagText = tags.map((t) => `TagKey=${t.key},TagValue=${t.value}`).join(' ');
  return {
    api: 'CreateKey',
    purpose: `${metadata.keySpec} for ${metadata.keyUsage}, ${metadata.origin === 'EXTERNAL' ? 'imported material' : 'KMS material'}${metadata.multiRegion ? ', multi-Region' : ''}; the old key’s policy, description and ${tags.length} tag${tags.length === 1 ? '' : 's'}`,
    cli: [
      `aws kms create-key --region ${region} --key-spec ${metadata.keySpec} --key-usage ${metadata.keyUsage}`,
      `--origin ${metadata.origin === 'EXTERNAL' ? 'EXTERNAL' : 'AWS_KMS'}`,
      metadata.multiRegion ? '--multi-region' : '',
      metadata.description ? `--description ${quote(metadata.description)}` : '',
      '--policy file://old-key-policy.json',
      tagText ? `--tags ${tagText}` : '',
    ]
      .filter(Boolean)
      .join(' '),
  };
}

function importCalls(region: string, choices: RotationChoices, at = region): PlannedCall[] {
  const expiry = choices.material.materialExpires
    ? `--expiration-model KEY_MATERIAL_EXPIRES --valid-to ${choices.material.validTo}T23:59:59Z`
    : '--expiration-model KEY_MATERIAL_DOES_NOT_EXPIRE';
  return [
    {
      api: 'GetParametersForImport',
      purpose: `Wrapping key and import token (${at})`,
      cli: `aws kms get-parameters-for-import --region ${at} --key-id ${NEW_KEY} --wrapping-algorithm RSAES_OAEP_SHA_256 --wrapping-key-spec RSA_2048`,
    },
    {
      api: 'ImportKeyMaterial',
      purpose: `256 bits ${choices.material.materialSource === 'file' ? `from ${choices.material.materialPath || 'the file'}` : 'generated here'}, wrapped with RSA-OAEP (${at})`,
      cli: `aws kms import-key-material --region ${at} --key-id ${NEW_KEY} --import-token fileb://token.bin --encrypted-key-material fileb://wrapped.bin ${expiry}`,
    },
  ];
}

/** The AWS calls of the rotation, in the order Keyward makes them. */
export function plannedCalls(
  detail: KeyDetail,
  ref: KeyRef,
  choices: RotationChoices,
): PlannedCall[] {
  const { metadata } = detail;
  const imported = metadata.origin === 'EXTERNAL';
  const probe = probeCalls(metadata, ref.region);
  const replicas = metadata.multiRegionConfiguration?.replicas.map((r) => r.region) ?? [];
  return [
    ...probe.slice(0, 1),
    createCall(detail, ref.region),
    ...(imported ? importCalls(ref.region, choices) : []),
    ...replicas.flatMap((region) => [
      {
        api: 'ReplicateKey',
        purpose: `A replica of the new key in ${region}, like the old key’s`,
        cli: `aws kms replicate-key --region ${ref.region} --key-id ${NEW_KEY} --replica-region ${region} --policy file://old-key-policy.json`,
      },
      ...(imported ? importCalls(ref.region, choices, region) : []),
    ]),
    ...choices.aliases.map((alias) => ({
      api: 'UpdateAlias',
      purpose: `${alias} → the new key`,
      cli: `aws kms update-alias --region ${ref.region} --alias-name ${alias} --target-key-id ${NEW_KEY}`,
    })),
    ...probe.slice(1),
    ...(choices.scheduleDeletion
      ? [
          {
            api: 'ScheduleKeyDeletion',
            purpose: `The old key is deleted after ${choices.deletionDays} days`,
            cli: `aws kms schedule-key-deletion --region ${ref.region} --key-id ${metadata.arn} --pending-window-in-days ${choices.deletionDays}`,
          },
        ]
      : []),
  ];
}

/** What applications see once the aliases point at the new key. */
export function applicationImpact(metadata: KeyMetadata): string[] {
  const alias =
    'Applications that name the key by alias use the new key from now on; those that name the old key id or ARN keep using the old key until changed.';
  if (metadata.keyUsage === 'SIGN_VERIFY')
    return [
      alias,
      'New signatures come from the new key: anyone who verifies offline needs the new public key (download it from the new key’s page).',
      'Signatures made with the old key must be verified with the old key (its id or its public key), not with the alias.',
    ];
  if (metadata.keyUsage === 'GENERATE_VERIFY_MAC')
    return [
      alias,
      'New MACs come from the new key; MACs made with the old key verify only with the old key id, not with the alias.',
    ];
  if (metadata.keySpec !== 'SYMMETRIC_DEFAULT')
    return [
      alias,
      'New data is encrypted with the new public key: anyone who encrypts offline needs the new public key.',
      'Old ciphertext must be decrypted with the old key id: asymmetric ciphertext does not name its key.',
    ];
  return [
    alias,
    'Old ciphertext still decrypts: symmetric ciphertext names the key that made it, and the old key stays enabled.',
  ];
}

/** Problems that keep the user on the Options step, by field. */
export function choiceProblems(
  metadata: KeyMetadata,
  choices: RotationChoices,
  today: string,
): Record<string, string> {
  const problems = metadata.origin === 'EXTERNAL' ? materialProblems(choices.material, today) : {};
  if (choices.scheduleDeletion && (choices.deletionDays < 7 || choices.deletionDays > 30))
    problems['deletionDays'] = 'Between 7 and 30 days';
  return problems;
}

/** What keys.rotateManually receives. */
export function toRotationInput(
  ref: KeyRef,
  metadata: KeyMetadata,
  choices: RotationChoices,
  resumeNewKeyId: string | null,
): Input<'keys.rotateManually'> {
  return {
    ...ref,
    aliases: [...choices.aliases],
    ...(choices.scheduleDeletion ? { scheduleOldKeyDeletionInDays: choices.deletionDays } : {}),
    ...(metadata.origin === 'EXTERNAL'
      ? { importMaterial: toImportMaterial(choices.material) }
      : {}),
    ...(resumeNewKeyId ? { resumeNewKeyId } : {}),
  };
}
