import { z } from 'zod';
import { amiRowSchema } from '../models/ami';
import { ebsSharingSchema } from '../models/ebs-sharing';
import { cellStateSchema } from '../models/kms-key';
import { invoke, operation } from './define';
import {
  ebsInventoryInputSchema,
  ebsInventoryPartialSchema,
  ebsInventoryResultSchema,
  ebsListInputSchema,
  ebsSharingInputSchema,
} from './ebs-inventory';

export const amisPartialSchema = ebsInventoryPartialSchema(amiRowSchema);
export type AmisPartial = z.infer<typeof amisPartialSchema>;

export const amisCalls = {
  'amis.inventory': operation({
    summary:
      'Reads the AMIs each profile of the scope owns (DescribeImages Owners=self) and those shared with it (ExecutableUsers=self), with every backing snapshot and its key (DescribeSnapshots, DescribeKey, ListAliases), streaming rows per (profile, region).',
    input: ebsInventoryInputSchema,
    result: ebsInventoryResultSchema,
    partial: amisPartialSchema,
  }),
  'amis.list': invoke({
    summary: 'The rows and cell states the last AMI inventory left in main (no AWS call).',
    input: ebsListInputSchema,
    output: z.object({ cells: z.array(cellStateSchema), rows: z.array(amiRowSchema) }).strict(),
  }),
  'amis.sharing': invoke({
    summary:
      'Who owned AMIs are shared with (DescribeImageAttribute launchPermission), for up to 50 AMIs.',
    input: ebsSharingInputSchema,
    output: z.array(ebsSharingSchema),
  }),
} as const;
