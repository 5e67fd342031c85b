import { z } from 'zod';
import { stepRefSchema } from '../../../src-shared/models/workflow-plan';
import { outputVariable } from '../runbook';

/** A parameter known when planning, or an earlier step's output. */
export const valueSchema = z.union([z.string().min(1), stepRefSchema]);

/** How a value reads in a title: the literal, or "the new snapshot ($COPY_SNAPSHOT_ID)". */
export function valueText(value: z.output<typeof valueSchema>): string {
  if (typeof value === 'string') return value;
  return `the new ${value.output.replace(/Id$/, '')} ($${outputVariable(value)})`;
}
