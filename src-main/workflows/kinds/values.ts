import { z } from 'zod';
import { stepRefSchema } from '../../../src-shared/models/workflow-plan';

/** A parameter known when planning, or an earlier step's output. */
export const valueSchema = z.union([z.string().min(1), stepRefSchema]);

/** How a value reads in a title: the literal, or "the snapshot made by step copy". */
export const valueText = (value: z.output<typeof valueSchema>): string =>
  typeof value === 'string' ? value : `the ${value.output} of step "${value.step}"`;
