import { commonHeaders } from './common';
import { SandboxError } from './sandbox-error';
import type { HttpReply, Protocol, RawRequest, WireSettings } from './types';

const CONTENT_TYPE = 'application/x-amz-json-1.1';

/** Output conversion: Date → epoch seconds (number), bytes → base64; undefined members dropped. */
export function toJsonValue(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value !== null && typeof value === 'object') {
    // fromEntries keeps a member named __proto__ (an encryption context key); `out[k] =` drops it.
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, toJsonValue(v)]),
    );
  }
  return value;
}

/** Returns the operation named by `X-Amz-Target` when its prefix is one of the service's. */
export function operationFromTarget(target: string, wire: WireSettings): string | undefined {
  const dot = target.lastIndexOf('.');
  if (dot < 0) return undefined;
  const prefix = target.slice(0, dot);
  return (wire.targetPrefixes ?? []).includes(prefix) ? target.slice(dot + 1) : undefined;
}

export const awsJson11: Protocol = {
  name: 'awsJson1_1',

  parse(request: RawRequest, wire: WireSettings) {
    const target = request.headers['x-amz-target'] ?? '';
    const operation = operationFromTarget(target, wire);
    if (operation === undefined || operation === '') {
      throw new SandboxError('UnknownOperationException', '');
    }
    const text = request.body.toString('utf8').trim();
    let params: unknown = {};
    if (text !== '') {
      try {
        params = JSON.parse(text);
      } catch {
        throw new SandboxError(
          'SerializationException',
          'Start of structure or map found where not expected.',
        );
      }
    }
    if (params === null || typeof params !== 'object' || Array.isArray(params)) {
      throw new SandboxError(
        'SerializationException',
        'Start of structure or map found where not expected.',
      );
    }
    return { operation, params: params as Record<string, unknown> };
  },

  success(_operation: string, output: object, requestId: string): HttpReply {
    const body = JSON.stringify(toJsonValue(output));
    return { status: 200, headers: commonHeaders(requestId, CONTENT_TYPE), body };
  },

  error(error: SandboxError, requestId: string, wire: WireSettings): HttpReply {
    const key = wire.errorMessageKey ?? 'message';
    const body = JSON.stringify({ __type: error.code, [key]: error.message });
    return {
      status: error.httpStatus,
      headers: { ...commonHeaders(requestId, CONTENT_TYPE), 'x-amzn-ErrorType': error.code },
      body,
    };
  },
};
