import { z } from 'zod';

/** A table's id, as pages name their tables ("keys", later "snapshots"…). */
export const tableId = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'a table id like "keys"');

/** The sort, filters, shown columns and search a user named (nothing secret; capped in size). */
export const savedViewSchema = z
  .object({
    name: z.string().trim().min(1).max(60),
    sorting: z.array(z.object({ id: z.string().max(100), desc: z.boolean() }).strict()).max(10),
    filters: z
      .array(
        z
          .object({
            id: z.string().max(100),
            value: z.union([z.string().max(500), z.array(z.string().max(500)).max(200)]),
          })
          .strict(),
      )
      .max(50),
    columns: z.record(z.string().max(100), z.boolean()),
    search: z.string().max(500),
  })
  .strict()
  .refine((view) => Object.keys(view.columns).length <= 100, {
    message: 'at most 100 columns',
    path: ['columns'],
  });

/** How many views one table keeps: a menu, not an archive. */
export const MAX_VIEWS_PER_TABLE = 50;

export const savedViewsSchema = z
  .object({ views: z.array(savedViewSchema).max(MAX_VIEWS_PER_TABLE) })
  .strict();

export type SavedViewModel = z.infer<typeof savedViewSchema>;
