// Evaluates a statement's Condition block against the request context.
//
// Operators are ANDed, keys under one operator are ANDed, values for one key are ORed (NORed
// for negated operators). A key absent from the request makes the condition false, except:
// `...IfExists` (true), `Null`, `ForAllValues:` (true on a missing/empty key), and negated
// operators such as StringNotEquals (true). The last point follows the IAM user guide
// ("If the policy condition requires that the key is not matched, such as StringNotLike ...
// and the right key is not present, the condition is true"); §4.5 of our reference only
// lists the IfExists/Null exceptions.
import type { ConditionBlock } from './types';
import type { ContextLookup } from './request-context';
import { parseOperatorName, type OperatorName } from './condition-operator-name';
import { OPERATORS, type OperatorSpec } from './condition-operators';
import { substituteVariables } from './policy-variables';

interface ConditionOptions {
  readonly context: ContextLookup;
  readonly variables: boolean;
}

function evaluateNull(present: boolean, policyValues: readonly string[]): boolean {
  // `"Null": {"k": "true"}` — k must be absent; `"false"` — k must be present.
  return policyValues.some((value) => (value.toLowerCase() === 'true' ? !present : present));
}

function resolvePolicyValues(
  values: readonly string[],
  spec: OperatorSpec,
  options: ConditionOptions,
): readonly string[] {
  if (!spec.variables || !options.variables) return values;
  return values
    .map((value) => substituteVariables(value, options.context))
    .filter((value): value is string => value !== undefined);
}

function evaluateKey(
  operator: OperatorName,
  requestValues: readonly string[] | undefined,
  policyValues: readonly string[],
  options: ConditionOptions,
): boolean {
  if (operator.base === 'Null') return evaluateNull(requestValues !== undefined, policyValues);
  const spec = OPERATORS[operator.base];
  if (requestValues === undefined) {
    if (operator.ifExists || operator.qualifier === 'ForAllValues') return true;
    if (operator.qualifier === 'ForAnyValue') return false;
    return spec.negated;
  }
  const wanted = resolvePolicyValues(policyValues, spec, options);
  const single = (value: string): boolean => {
    const hit = wanted.some((policyValue) => spec.test(value, policyValue));
    return spec.negated ? !hit : hit;
  };
  if (operator.qualifier === 'ForAllValues') return requestValues.every(single);
  if (operator.qualifier === 'ForAnyValue') return requestValues.some(single);
  // No set qualifier on a multi-valued key: a positive operator needs one value to match,
  // a negated one needs every value to stay clear of the policy values.
  return spec.negated ? requestValues.every(single) : requestValues.some(single);
}

export function evaluateCondition(block: ConditionBlock, options: ConditionOptions): boolean {
  for (const [name, keys] of Object.entries(block)) {
    const operator = parseOperatorName(name);
    if (operator === undefined) return false; // unknown operator: never matches
    for (const [key, policyValues] of Object.entries(keys)) {
      if (!evaluateKey(operator, options.context.get(key), policyValues, options)) return false;
    }
  }
  return true;
}
