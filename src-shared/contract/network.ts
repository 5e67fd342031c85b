import { networkStatusSchema } from '../models/network';
import { invoke, noInput } from './define';

export const networkCalls = {
  'network.status': invoke({
    summary:
      'The proxy (from the environment, password masked), NO_PROXY, the CA bundle and FIPS / dual-stack choices real-AWS requests use now.',
    input: noInput,
    output: networkStatusSchema,
  }),
} as const;
