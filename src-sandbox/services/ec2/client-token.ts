import { createHash } from 'node:crypto';
import { defineKind } from '../../state/store-types';
import type { Operation, OperationResult } from '../types';
import { ec2Error } from './common';

/** A ClientToken's first request in one account and Region, and what it answered. */
interface ClientTokenDoc {
  readonly operation: string;
  readonly token: string;
  /** SHA-256 of the request's parameters other than ClientToken and DryRun. */
  readonly parametersHash: string;
  /** The first answer, as JSON (Dates become ISO text, which the EC2 wire writes the same way). */
  readonly output: string;
  readonly responseElements: string;
  readonly createdAt: number;
}

export const CLIENT_TOKEN = defineKind<ClientTokenDoc>('ec2:client-token');

const MAX_TOKEN_LENGTH = 64;

function parametersHash(params: Readonly<Record<string, unknown>>): string {
  const rest = Object.entries(params)
    .filter(([k]) => k !== 'ClientToken' && k !== 'DryRun')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}

/**
 * EC2 idempotency (reference §3.3 lists `ClientToken` for CreateVolume, CopyImage and
 * RunInstances): a repeated request with the same token and the same parameters answers what the
 * first one answered and creates nothing; the same token with other parameters is refused with
 * `IdempotentParameterMismatch`. Tokens are kept per account and Region, and forever (AWS keeps
 * them at least 24 hours).
 */
export function withClientToken(operation: string, op: Operation): Operation {
  return {
    readOnly: op.readOnly,
    async run(ctx, params): Promise<OperationResult> {
      const token = params['ClientToken'];
      if (typeof token !== 'string' || token === '' || params['DryRun'] === 'true') {
        return op.run(ctx, params);
      }
      if (token.length > MAX_TOKEN_LENGTH) {
        throw ec2Error(
          'InvalidParameterValue',
          `Value (${token}) for parameter clientToken is invalid. Length exceeds maximum of ${MAX_TOKEN_LENGTH}.`,
        );
      }
      const id = `${operation}:${token}`;
      const hash = parametersHash(params);
      const seen = ctx.store.get(CLIENT_TOKEN, ctx.scope, id);
      if (seen) {
        if (seen.parametersHash !== hash) {
          // Text from AWS's EC2 error-code list (exact message UNCONFIRMED).
          throw ec2Error(
            'IdempotentParameterMismatch',
            'The request uses the same client token as a previous, but non-identical request. Do not reuse a client token with different requests, unless the requests are identical.',
          );
        }
        const output = JSON.parse(seen.output) as object;
        return {
          output,
          requestParameters: undefined,
          responseElements: JSON.parse(seen.responseElements) as unknown,
        };
      }
      const result = await op.run(ctx, params);
      ctx.store.put(CLIENT_TOKEN, ctx.scope, id, {
        operation,
        token,
        parametersHash: hash,
        output: JSON.stringify(result.output),
        responseElements: JSON.stringify(result.responseElements ?? null),
        createdAt: ctx.now().getTime(),
      });
      return result;
    },
  };
}
