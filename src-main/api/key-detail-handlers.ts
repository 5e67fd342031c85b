import type { keyDetailCalls } from '../../src-shared/contract/key-detail';
import type { KeyContext } from '../key-operations/key-context';
import { describeKey } from '../key-operations/describe-key';
import { keyActivity } from '../key-operations/key-activity';
import { keyDetail } from '../key-operations/key-detail';
import { listPolicyVersions } from '../key-operations/key-policy';
import { deletionImpact, keyUsage } from '../key-operations/key-usage';
import { principalPolicies } from '../key-operations/principal-policies';
import type { AreaHandlers } from './handler-types';

export function createKeyDetailHandlers(keys: KeyContext): AreaHandlers<typeof keyDetailCalls> {
  return {
    'keys.detail': (ref) => keyDetail(keys, ref),
    'keys.usage': ({ scope, ...ref }) => keyUsage(keys, ref, scope),
    'keys.deletionImpact': ({ scope, ...ref }) => deletionImpact(keys, ref, scope),
    'keys.activity': async ({ days, ...ref }) =>
      keyActivity(keys, ref, (await describeKey(keys, ref)).arn, days),
    'keys.principalPolicies': (request) => principalPolicies(keys, request),
    'keys.policyVersions': (ref) => listPolicyVersions(keys, ref),
  };
}
