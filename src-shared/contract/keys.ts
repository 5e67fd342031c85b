import { z } from 'zod';
import {
  cellStateSchema,
  keyLastUsageSchema,
  keyRefSchema,
  keyRowSchema,
  scopeCellSchema,
} from '../models/kms-key';
import { invoke, noInput, operation } from './define';

const scopeCells = z.array(scopeCellSchema).min(1).max(200);

/**
 * What a `keys.inventory` progress event carries besides its title (`partial`): the state of one
 * (profile, region) and, in batches as they arrive, its rows. `rows` are upserts by
 * (profileId, region, keyId); when the cell is `done`, `keyIds` lists every key the cell has, so
 * the page drops rows of keys that are gone.
 */
export const inventoryPartialSchema = z
  .object({
    cell: cellStateSchema,
    rows: z.array(keyRowSchema),
    /** Only with status `done`: every key id of the cell (rows of others are stale). */
    keyIds: z.array(z.string()).nullable(),
  })
  .strict();
export type InventoryPartial = z.infer<typeof inventoryPartialSchema>;

export const inventoryInputSchema = z
  .object({
    /** (profile, region) cells; null: the remembered scope (`keys.getScope`). */
    scope: scopeCells.nullable().default(null),
    /**
     * `full`: every call for every key. `incremental`: list keys and aliases and describe each
     * key; policy, tags and rotation are read again only for new keys and keys whose metadata
     * changed — the rest keep the rows of the last inventory.
     */
    mode: z.enum(['full', 'incremental']).default('full'),
    /** Refresh only these keys (full details), keeping every other row. */
    keys: z.array(keyRefSchema).min(1).max(500).nullable().default(null),
  })
  .strict();

export const inventoryResultSchema = z
  .object({
    cells: z.array(cellStateSchema),
    rowCount: z.number().int().min(0),
    durationMs: z.number().min(0),
    /** AWS calls made (the call log has each). */
    calls: z.number().int().min(0),
  })
  .strict();

export const keysScopeSchema = z
  .object({
    cells: z.array(scopeCellSchema),
    /** True when no scope was chosen: the active profile × Settings' default regions. */
    isDefault: z.boolean(),
  })
  .strict();

export const keysCalls = {
  'keys.inventory': operation({
    summary:
      'Reads every key of the scope (ListKeys, ListAliases, DescribeKey, GetKeyRotationStatus, ListResourceTags, GetKeyPolicy), streaming rows per (profile, region).',
    input: inventoryInputSchema,
    result: inventoryResultSchema,
    partial: inventoryPartialSchema,
  }),
  'keys.list': invoke({
    summary:
      'The rows and cell states the last inventory left in main, for a scope (no AWS call): a page opened again shows them at once.',
    input: z.object({ scope: scopeCells.nullable().default(null) }).strict(),
    output: z.object({ cells: z.array(cellStateSchema), rows: z.array(keyRowSchema) }).strict(),
  }),
  'keys.lastUsage': invoke({
    summary:
      'GetKeyLastUsage for up to 50 keys (5 requests a second per account and Region, paced by the scheduler).',
    input: z.object({ keys: z.array(keyRefSchema).min(1).max(50) }).strict(),
    output: z.array(keyLastUsageSchema),
  }),
  'keys.getScope': invoke({
    summary: 'The remembered inventory scope, or the default (active profile × default regions).',
    input: noInput,
    output: keysScopeSchema,
  }),
  'keys.setScope': invoke({
    summary: 'Remembers the inventory scope; null goes back to the default.',
    input: z.object({ cells: scopeCells.nullable() }).strict(),
    output: keysScopeSchema,
  }),
} as const;
