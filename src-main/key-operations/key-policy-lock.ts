import { createKeyedMutex } from './keyed-mutex';

/**
 * KMS has no conditional PutKeyPolicy: two read-modify-writes of one policy at once lose one of
 * the changes. Every change Keyward makes to a key policy in this process reads, edits and puts
 * under this lock, so changes to one key queue and each starts from the policy the last one put.
 */
const keyPolicies = createKeyedMutex();

/**
 * Runs `work` alone among the policy changes of one key. `keyArn` is the ARN DescribeKey gives
 * (account, Region and key id), never an alias or bare id the caller typed: those name the same
 * key under other names.
 */
export function withKeyPolicyLock<T>(keyArn: string, work: () => Promise<T>): Promise<T> {
  return keyPolicies.run(keyArn, work);
}
