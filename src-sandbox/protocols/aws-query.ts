import { commonHeaders } from './common';
import { decodeQueryParams, parseForm } from './query-params';
import { SandboxError } from './sandbox-error';
import type { HttpReply, Protocol, RawRequest, WireSettings } from './types';
import { escapeXml, isoSeconds, toXml } from './xml';

const CONTENT_TYPE = 'text/xml';
const STYLE = { listItem: 'member', formatDate: isoSeconds } as const;

/** awsQuery (STS, IAM): form in, `<OpResponse><OpResult>…</OpResult><ResponseMetadata>` out. */
export const awsQuery: Protocol = {
  name: 'awsQuery',

  parse(request: RawRequest, wire: WireSettings) {
    const form = parseForm(request.body, request.query);
    const operation = form.get('Action') ?? '';
    if (operation === '') throw new SandboxError('MissingAction', 'Missing Action');
    const version = form.get('Version');
    if (version !== null && version !== wire.apiVersion) {
      throw new SandboxError(
        'InvalidAction',
        `Could not find operation ${operation} for version ${version}`,
      );
    }
    return { operation, params: decodeQueryParams(form, 'awsQuery') };
  },

  success(operation: string, output: object, requestId: string, wire: WireSettings): HttpReply {
    const ns = wire.xmlNamespace ?? '';
    const hasResult = Object.values(output).some((v) => v !== undefined && v !== null);
    const result = hasResult
      ? `<${operation}Result>${toXml(output, STYLE)}</${operation}Result>`
      : '';
    const body =
      `<${operation}Response xmlns="${ns}">${result}` +
      `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>` +
      `</${operation}Response>`;
    return { status: 200, headers: commonHeaders(requestId, CONTENT_TYPE), body };
  },

  error(error: SandboxError, requestId: string, wire: WireSettings): HttpReply {
    const body =
      `<ErrorResponse xmlns="${wire.xmlNamespace ?? ''}"><Error><Type>${error.fault}</Type>` +
      `<Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
      `<RequestId>${requestId}</RequestId></ErrorResponse>`;
    return { status: error.httpStatus, headers: commonHeaders(requestId, CONTENT_TYPE), body };
  },
};
