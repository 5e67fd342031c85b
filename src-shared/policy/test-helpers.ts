// Principals and builders shared by this folder's tests (imported only by *.test.ts).
import type { ContextValue, PolicyDocument, PolicyKind, Principal, RequestContext } from './types';
import { parsePolicy } from './parse-policy';

export const OWNER = '111111111111';
export const OTHER = '222222222222';
export const KEY_ARN = `arn:aws:kms:us-east-1:${OWNER}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

export const ownerRoot: Principal = {
  arn: `arn:aws:iam::${OWNER}:root`,
  account: OWNER,
  kind: 'root',
};
export const alice: Principal = {
  arn: `arn:aws:iam::${OWNER}:user/alice`,
  account: OWNER,
  kind: 'user',
};
export const bob: Principal = {
  arn: `arn:aws:iam::${OWNER}:user/bob`,
  account: OWNER,
  kind: 'user',
};
export const appSession: Principal = {
  arn: `arn:aws:sts::${OWNER}:assumed-role/App/session-1`,
  account: OWNER,
  kind: 'assumed-role',
  roleArn: `arn:aws:iam::${OWNER}:role/App`,
};
export const otherRoot: Principal = {
  arn: `arn:aws:iam::${OTHER}:root`,
  account: OTHER,
  kind: 'root',
};
export const carol: Principal = {
  arn: `arn:aws:iam::${OTHER}:user/carol`,
  account: OTHER,
  kind: 'user',
};
export const ec2Service: Principal = {
  arn: 'ec2.amazonaws.com',
  account: '',
  kind: 'service',
  service: 'ec2.amazonaws.com',
};

/** Parses a policy written as a plain object and fails loudly if it is invalid. */
export function policy(raw: unknown, kind: PolicyKind = 'resource'): PolicyDocument {
  const result = parsePolicy(raw, kind);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.policy;
}

export function request(
  principal: Principal,
  action: string,
  context: Readonly<Record<string, ContextValue | undefined>> = {},
  resource = KEY_ARN,
): RequestContext {
  return { principal, action, resource, context };
}

export function allowAll(principal: unknown, actions: unknown = 'kms:*'): unknown {
  return { Effect: 'Allow', Principal: principal, Action: actions, Resource: '*' };
}

export function defaultKeyPolicy(account = OWNER): PolicyDocument {
  return policy({
    Version: '2012-10-17',
    Id: 'key-default-1',
    Statement: [
      {
        Sid: 'Enable IAM User Permissions',
        ...(allowAll({ AWS: `arn:aws:iam::${account}:root` }) as object),
      },
    ],
  });
}

export function iamPolicy(
  actions: unknown,
  resource: unknown = KEY_ARN,
  effect = 'Allow',
): PolicyDocument {
  return policy(
    { Version: '2012-10-17', Statement: [{ Effect: effect, Action: actions, Resource: resource }] },
    'identity',
  );
}
