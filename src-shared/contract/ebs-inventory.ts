import { z } from 'zod';
import { ebsResourceRefSchema } from '../models/ebs-sharing';
import { cellStateSchema, scopeCellSchema } from '../models/kms-key';

/** The scope of the Snapshots and AMIs pages: the Keys page's (`keys.getScope`) unless given. */
export const ebsScopeSchema = z.array(scopeCellSchema).min(1).max(200);

/**
 * The input of `snapshots.inventory` and `amis.inventory`. `incremental` reuses the keys already
 * resolved for each cell (DescribeKey and ListAliases are not asked again); `full` asks again.
 */
export const ebsInventoryInputSchema = z
  .object({
    scope: ebsScopeSchema.nullable().default(null),
    mode: z.enum(['full', 'incremental']).default('full'),
  })
  .strict();

/**
 * A progress event's partial: one cell's state (`keysListed`/`keysLoaded` count snapshots or
 * AMIs here) and rows as they arrive. With status `done`, `ids` lists every id of the cell so
 * the page drops rows that are gone.
 */
export function ebsInventoryPartialSchema<Row extends z.ZodType>(row: Row) {
  return z
    .object({
      cell: cellStateSchema,
      rows: z.array(row),
      ids: z.array(z.string()).nullable(),
    })
    .strict();
}

export const ebsInventoryResultSchema = z
  .object({
    cells: z.array(cellStateSchema),
    rowCount: z.number().int().min(0),
    durationMs: z.number().min(0),
    calls: z.number().int().min(0),
  })
  .strict();

export const ebsListInputSchema = z
  .object({ scope: ebsScopeSchema.nullable().default(null) })
  .strict();

export const ebsSharingInputSchema = z
  .object({ resources: z.array(ebsResourceRefSchema).min(1).max(50) })
  .strict();
