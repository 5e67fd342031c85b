import type { PreflightCheck, StepRef } from '../../../src-shared/models/workflow-plan';
import type { StepAt } from '../step-kind';
import { valueText } from './values';

/**
 * The preflight answer of a sharing step whose resource an earlier step of the run makes (the
 * aws/ebs path's re-encrypted copy): nothing exists to check before the run.
 */
export function sharesRunCopyCheck(place: StepAt, made: StepRef): PreflightCheck {
  return {
    stepId: place.stepId,
    status: 'ok',
    message: `Shares ${valueText(made)}, made by step "${made.step}" of this run under a customer managed key.`,
  };
}
