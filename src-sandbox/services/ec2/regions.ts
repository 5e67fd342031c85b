import { createHash } from 'node:crypto';
import { z } from 'zod';
import { REGIONS } from '../../http/regions';
import { defineOperation } from '../define-operation';
import type { ServiceContext } from '../types';
import { awsBool } from '../validation';
import { DRY_RUN, ec2Error, FILTERS, gate, STRING_LIST } from './common';
import { DEFAULT_EBS_KEY_ALIAS, ebsSettings } from './encryption';
import { applyFilters } from './filters';
import { resolveKeyForEc2 } from '../kms/ebs-keys';
import { EBS_SETTINGS, type EbsSettingsDoc } from './model';

const DIRECTIONS: Readonly<Record<string, string>> = {
  east: 'e',
  west: 'w',
  north: 'n',
  south: 's',
  central: 'c',
  southeast: 'se',
  northeast: 'ne',
};

/** `us-east-1` → `use1`, `ap-southeast-2` → `apse2` (zone id prefix). */
function regionCode(region: string): string {
  const [area = '', direction = '', number = ''] = region.split('-');
  return `${area}${DIRECTIONS[direction] ?? direction.slice(0, 1)}${number}`;
}

const LETTERS = ['a', 'b', 'c'];

/**
 * The sandbox's zones of one account: `<region>a|b|c`. As in AWS, names map to the physical
 * zones (ids, the same for every account) per account: a fixed rotation drawn from the account
 * and Region, so us-east-1a of one account may be use1-az2 while another's is use1-az1.
 */
export function zonesOf(region: string, account: string): { name: string; id: string }[] {
  const shift = (createHash('sha256').update(`${region}:${account}`).digest()[0] ?? 0) % 3;
  return LETTERS.map((letter, i) => ({
    name: `${region}${letter}`,
    id: `${regionCode(region)}-az${((i + shift) % LETTERS.length) + 1}`,
  }));
}

export function requireZone(ctx: ServiceContext, zone: string): void {
  if (!zonesOf(ctx.region, ctx.account).some((z) => z.name === zone || z.id === zone)) {
    throw ec2Error('InvalidParameterValue', `Invalid availability zone: [${zone}]`);
  }
}

export const describeRegions = defineOperation({
  input: z.object({
    RegionName: STRING_LIST,
    AllRegions: awsBool.optional(),
    Filter: FILTERS,
    DryRun: DRY_RUN,
  }),
  readOnly: true,
  handler: (ctx, input) => {
    for (const name of input.RegionName ?? []) {
      if (!(REGIONS as readonly string[]).includes(name)) {
        throw ec2Error('InvalidParameterValue', `Invalid region: ${name}`);
      }
    }
    gate(ctx, input.DryRun, 'DescribeRegions', []);
    const all = REGIONS.filter((r) => !input.RegionName || input.RegionName.includes(r)).map(
      (r) => ({
        regionName: r,
        regionEndpoint: `ec2.${r}.amazonaws.com`,
        optInStatus: 'opt-in-not-required',
      }),
    );
    const regionInfo = applyFilters(all, input.Filter, {
      'region-name': (r) => r.regionName,
      endpoint: (r) => r.regionEndpoint,
      'opt-in-status': (r) => r.optInStatus,
    });
    return { regionInfo };
  },
  responseElements: null,
});

export const describeAvailabilityZones = defineOperation({
  input: z.object({
    ZoneName: STRING_LIST,
    ZoneId: STRING_LIST,
    AllAvailabilityZones: awsBool.optional(),
    Filter: FILTERS,
    DryRun: DRY_RUN,
  }),
  readOnly: true,
  handler: (ctx, input) => {
    const zones = zonesOf(ctx.region, ctx.account);
    for (const name of [...(input.ZoneName ?? []), ...(input.ZoneId ?? [])]) {
      if (!zones.some((z) => z.name === name || z.id === name)) {
        throw ec2Error('InvalidParameterValue', `The zone '${name}' does not exist.`);
      }
    }
    gate(ctx, input.DryRun, 'DescribeAvailabilityZones', []);
    const all = zones
      .filter((z) => !input.ZoneName || input.ZoneName.includes(z.name))
      .filter((z) => !input.ZoneId || input.ZoneId.includes(z.id))
      .map((z) => ({
        optInStatus: 'opt-in-not-required',
        messageSet: [],
        regionName: ctx.region,
        zoneName: z.name,
        zoneId: z.id,
        groupName: ctx.region,
        networkBorderGroup: ctx.region,
        zoneType: 'availability-zone',
        zoneState: 'available',
      }));
    const availabilityZoneInfo = applyFilters(all, input.Filter, {
      'zone-name': (z) => z.zoneName,
      'zone-id': (z) => z.zoneId,
      'region-name': (z) => z.regionName,
      state: (z) => z.zoneState,
      'zone-type': (z) => z.zoneType,
      'group-name': (z) => z.groupName,
      'opt-in-status': (z) => z.optInStatus,
    });
    return { availabilityZoneInfo };
  },
  responseElements: null,
});

const DRY_ONLY = z.object({ DryRun: DRY_RUN });

function saveSettings(ctx: ServiceContext, doc: EbsSettingsDoc): void {
  ctx.store.put(EBS_SETTINGS, { account: ctx.account, region: ctx.region }, 'settings', doc);
}

export const getEbsEncryptionByDefault = defineOperation({
  input: DRY_ONLY,
  readOnly: true,
  handler: (ctx, input) => {
    gate(ctx, input.DryRun, 'GetEbsEncryptionByDefault', []);
    return { ebsEncryptionByDefault: ebsSettings(ctx).encryptionByDefault, sseType: 'sse-ebs' };
  },
});

function setEncryptionByDefault(action: string, value: boolean) {
  return defineOperation({
    input: DRY_ONLY,
    handler: (ctx, input) => {
      gate(ctx, input.DryRun, action, []);
      saveSettings(ctx, { ...ebsSettings(ctx), encryptionByDefault: value });
      return { ebsEncryptionByDefault: value };
    },
  });
}

export const enableEbsEncryptionByDefault = setEncryptionByDefault(
  'EnableEbsEncryptionByDefault',
  true,
);
export const disableEbsEncryptionByDefault = setEncryptionByDefault(
  'DisableEbsEncryptionByDefault',
  false,
);

/** Returns `alias/aws/ebs` until the account chooses a key, then that key's ARN (UNCONFIRMED form). */
export const getEbsDefaultKmsKeyId = defineOperation({
  input: DRY_ONLY,
  readOnly: true,
  handler: (ctx, input) => {
    gate(ctx, input.DryRun, 'GetEbsDefaultKmsKeyId', []);
    return { kmsKeyId: ebsSettings(ctx).defaultKmsKeyId ?? DEFAULT_EBS_KEY_ALIAS };
  },
});

/**
 * AWS checks the key asynchronously (an unusable key "can appear to complete, but eventually
 * fails"); the sandbox refuses a missing or non-symmetric key at once — UNCONFIRMED error code.
 */
export const modifyEbsDefaultKmsKeyId = defineOperation({
  input: z.object({ KmsKeyId: z.string().min(1), DryRun: DRY_RUN }),
  handler: (ctx, input) => {
    const key = resolveKeyForEc2(ctx, input.KmsKeyId, ctx.region);
    if (!key || key.keySpec !== 'SYMMETRIC_DEFAULT' || key.keyUsage !== 'ENCRYPT_DECRYPT') {
      throw ec2Error('InvalidParameterValue', `Invalid KMS key: ${input.KmsKeyId}`);
    }
    gate(ctx, input.DryRun, 'ModifyEbsDefaultKmsKeyId', []);
    const managed = key.keyManager === 'AWS';
    const { defaultKmsKeyId: _previous, ...rest } = ebsSettings(ctx);
    saveSettings(ctx, managed ? rest : { ...rest, defaultKmsKeyId: key.arn });
    return { kmsKeyId: managed ? DEFAULT_EBS_KEY_ALIAS : key.arn };
  },
});

export const resetEbsDefaultKmsKeyId = defineOperation({
  input: DRY_ONLY,
  handler: (ctx, input) => {
    gate(ctx, input.DryRun, 'ResetEbsDefaultKmsKeyId', []);
    const { defaultKmsKeyId: _previous, ...rest } = ebsSettings(ctx);
    saveSettings(ctx, rest);
    return { kmsKeyId: DEFAULT_EBS_KEY_ALIAS };
  },
});
