import { defineOperation } from '../define-operation';
import { QUERY_ERROR_STYLE } from '../error-styles';
import type { ServiceDefinition } from '../types';
import { assumeRoleOperation } from './assume-role';
import { credentialsForTrail, issueCredentials } from './issue-credentials';
import { checkMfa } from './mfa';
import { emptyInput, getSessionTokenInput } from './schemas';

const getCallerIdentity = defineOperation({
  input: emptyInput,
  readOnly: true,
  // No permission is needed and it cannot be denied (reference §4.2).
  handler: (ctx) => ({
    UserId: ctx.caller.userId,
    Account: ctx.caller.account,
    Arn: ctx.caller.arn,
  }),
});

const getSessionToken = defineOperation({
  input: getSessionTokenInput,
  readOnly: true,
  handler: (ctx, input) => {
    const { caller } = ctx;
    if (caller.temporary || caller.kind === 'assumed-role') {
      throw ctx.errors.accessDenied('Cannot call GetSessionToken with session credentials');
    }
    const duration = input.DurationSeconds ?? (caller.kind === 'root' ? 3600 : 43200);
    if (caller.kind === 'root' && duration > 3600) {
      throw ctx.errors.validation(
        'Root credentials can request session durations of at most 3600 seconds.',
      );
    }
    const mfa = checkMfa(ctx.store, caller, input.SerialNumber, input.TokenCode, ctx.now());
    const { credentials } = issueCredentials(
      ctx.store,
      {
        kind: caller.kind,
        account: caller.account,
        arn: caller.arn,
        userId: caller.userId,
        ...(caller.userName === undefined ? {} : { userName: caller.userName }),
        mfaAuthenticated: mfa,
      },
      ctx.now(),
      duration,
    );
    return { Credentials: credentials };
  },
  responseElements: (out) => ({ credentials: credentialsForTrail(out.Credentials) }),
});

export const stsService: ServiceDefinition = {
  name: 'sts',
  eventSource: 'sts.amazonaws.com',
  wire: {
    protocol: 'awsQuery',
    apiVersion: '2011-06-15',
    xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
  },
  errors: QUERY_ERROR_STYLE,
  operations: {
    GetCallerIdentity: getCallerIdentity,
    AssumeRole: assumeRoleOperation,
    GetSessionToken: getSessionToken,
  },
};
