// The policy as if every condition held: Allow statements lose their conditions, Deny
// statements with conditions go. Comparing decisions with and without this tells "allowed
// under conditions" apart from "allowed" and "denied".
import type { PolicyDocument } from '../types';

export function assumeConditionsHold(policy: PolicyDocument): PolicyDocument {
  return {
    ...policy,
    statements: policy.statements.flatMap((statement) => {
      if (statement.condition === undefined) return [statement];
      if (statement.effect === 'Deny') return [];
      const { condition: _condition, ...rest } = statement;
      return [rest];
    }),
  };
}
