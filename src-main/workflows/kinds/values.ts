import { z } from 'zod';
import { stepRefSchema } from '../../../src-shared/models/workflow-plan';
import { outputVariable } from '../runbook';

/** A parameter known when planning, or an earlier step's output. */
export const valueSchema = z.union([z.string().min(1), stepRefSchema]);

/** Outputs whose name does not read as the thing (imageId → "AMI"). */
const NOUNS: Readonly<Record<string, string>> = { imageId: 'AMI' };

/** How a value reads in a title: the literal, or "the new snapshot ($COPY_SNAPSHOT_ID)". */
export function valueText(value: z.output<typeof valueSchema>): string {
  if (typeof value === 'string') return value;
  const noun = NOUNS[value.output] ?? value.output.replace(/Id$/, '');
  return `the new ${noun} ($${outputVariable(value)})`;
}
