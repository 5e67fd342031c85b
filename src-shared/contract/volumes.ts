import { z } from 'zod';
import { scopeCellSchema } from '../models/kms-key';
import { volumeRowSchema } from '../models/volume';
import { invoke } from './define';

export const volumesCalls = {
  'volumes.list': invoke({
    summary:
      'The EBS volumes one profile has in one Region (DescribeVolumes), for the re-encrypt wizard’s volume picker.',
    input: scopeCellSchema,
    output: z.array(volumeRowSchema),
  }),
} as const;
