import { z } from 'zod';
import { savedViewSchema, savedViewsSchema, tableId } from '../models/saved-view';
import { invoke } from './define';

/** A table's saved views, kept by main in the data dir (so they outlive the page's origin). */
export const viewsCalls = {
  'views.get': invoke({
    summary: 'The saved views of one table.',
    input: z.object({ table: tableId }).strict(),
    output: savedViewsSchema,
  }),
  'views.save': invoke({
    summary: 'Saves a view of one table (replacing the one of the same name); answers the views.',
    input: z.object({ table: tableId, view: savedViewSchema }).strict(),
    output: savedViewsSchema,
  }),
  'views.delete': invoke({
    summary: 'Deletes a saved view of one table by name; answers the views left.',
    input: z.object({ table: tableId, name: z.string().min(1).max(60) }).strict(),
    output: savedViewsSchema,
  }),
};
