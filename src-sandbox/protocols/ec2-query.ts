import { commonHeaders } from './common';
import { decodeQueryParams, parseForm } from './query-params';
import { SandboxError } from './sandbox-error';
import type { HttpReply, Protocol, RawRequest, WireSettings } from './types';
import { escapeXml, toXml } from './xml';

const CONTENT_TYPE = 'text/xml;charset=UTF-8';
const STYLE = { listItem: 'item', formatDate: (d: Date) => d.toISOString() } as const;
const PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n';

/**
 * ec2Query: form in (lists `X.N`, filters `Filter.N.Name` / `Filter.N.Value.M`); XML out with no
 * Result wrapper. Service code returns members under their XML names (`snapshotSet`, `nextToken`)
 * with arrays for lists — each entry is written as `<item>`.
 */
export const ec2Query: Protocol = {
  name: 'ec2Query',

  parse(request: RawRequest, wire: WireSettings) {
    const form = parseForm(request.body, request.query);
    const operation = form.get('Action') ?? '';
    if (operation === '')
      throw new SandboxError('MissingAction', 'The request must contain the parameter Action');
    const version = form.get('Version');
    if (version !== null && version !== wire.apiVersion) {
      throw new SandboxError(
        'InvalidAction',
        `The action ${operation} is not valid for this web service.`,
      );
    }
    return { operation, params: decodeQueryParams(form, 'ec2Query') };
  },

  success(operation: string, output: object, requestId: string, wire: WireSettings): HttpReply {
    const body =
      `${PROLOG}<${operation}Response xmlns="${wire.xmlNamespace ?? ''}">` +
      `<requestId>${requestId}</requestId>${toXml(output, STYLE)}</${operation}Response>`;
    return { status: 200, headers: commonHeaders(requestId, CONTENT_TYPE), body };
  },

  error(error: SandboxError, requestId: string): HttpReply {
    const body =
      `${PROLOG}<Response><Errors><Error><Code>${escapeXml(error.code)}</Code>` +
      `<Message>${escapeXml(error.message)}</Message></Error></Errors>` +
      `<RequestID>${requestId}</RequestID></Response>`;
    return { status: error.httpStatus, headers: commonHeaders(requestId, CONTENT_TYPE), body };
  },
};
