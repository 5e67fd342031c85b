import type { CredentialLookup, CredentialRecord } from '../auth/credentials';
import type { StoreReader } from '../state/store-types';
import { GLOBAL_REGION } from '../state/store-types';
import { rootArn, type Caller } from './caller';
import { ACCESS_KEY, IAM_USER, STS_SESSION } from './model';

/** Resolves access keys against the IAM and STS documents in the store. */
export function createCredentialLookup(store: StoreReader): CredentialLookup {
  return {
    find(accessKeyId: string): CredentialRecord | undefined {
      if (accessKeyId.startsWith('ASIA')) {
        const session = store.findById(STS_SESSION, accessKeyId)?.value;
        if (!session) return undefined;
        return {
          accessKeyId,
          secretAccessKey: session.secretAccessKey,
          sessionToken: session.sessionToken,
          expiresAt: session.expiresAt,
          caller: session.caller,
        };
      }
      const found = store.findById(ACCESS_KEY, accessKeyId);
      if (!found || found.value.status !== 'Active') return undefined;
      const account = found.scope.account;
      const key = found.value;
      let caller: Caller;
      if (key.userName === undefined) {
        caller = {
          kind: 'root',
          account,
          arn: rootArn(account),
          userId: account,
          accessKeyId,
          temporary: false,
          mfaAuthenticated: false,
        };
      } else {
        const user = store.get(
          IAM_USER,
          { account, region: GLOBAL_REGION },
          key.userName.toLowerCase(),
        );
        if (!user) return undefined;
        caller = {
          kind: 'user',
          account,
          arn: user.arn,
          userId: user.userId,
          userName: user.userName,
          accessKeyId,
          temporary: false,
          mfaAuthenticated: false,
        };
      }
      return { accessKeyId, secretAccessKey: key.secretAccessKey, caller };
    },
  };
}
