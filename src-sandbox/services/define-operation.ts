import { toTrailMembers } from '../trail/build-record';
import type { Operation, OperationResult, OperationSpec, ServiceContext } from './types';
import { SandboxError } from '../protocols/sandbox-error';
import { serializationIssue, validationMessage } from './validation';

/**
 * Wraps a handler with zod validation of its parameters (failures become the service's
 * validation error) and the CloudTrail request/response members of the call.
 */
export function defineOperation<I, O extends object>(spec: OperationSpec<I, O>): Operation {
  return {
    readOnly: spec.readOnly ?? false,
    async run(ctx: ServiceContext, rawParams): Promise<OperationResult> {
      const parsed = spec.input.safeParse(rawParams);
      if (!parsed.success) {
        // As AWS: a member that cannot be read at all fails before any constraint is checked.
        const unreadable = serializationIssue(parsed.error.issues);
        if (unreadable) {
          const member = unreadable.path.map(String).join('.');
          // The value is not echoed: a blob may be plaintext. Wording UNCONFIRMED.
          throw new SandboxError(
            'SerializationException',
            `Could not read ${member}: the value is ${unreadable.message}.`,
          );
        }
        throw ctx.errors.validation(validationMessage(parsed.error.issues, rawParams));
      }
      const input = parsed.data;
      const requestParameters = spec.requestParameters
        ? spec.requestParameters(input)
        : toTrailMembers(input);
      ctx.describeEvent({ requestParameters });
      const output = await spec.handler(ctx, input);
      const responseElements =
        spec.responseElements === null
          ? null
          : spec.responseElements
            ? spec.responseElements(output, input)
            : toTrailMembers(output);
      return { output, requestParameters, responseElements };
    },
  };
}
