import type { SandboxError } from './sandbox-error';

export type ProtocolName = 'awsJson1_1' | 'awsQuery' | 'ec2Query';

/** How a service looks on the wire (reference §1.0 protocol summary). */
export interface WireSettings {
  readonly protocol: ProtocolName;
  /** `2014-11-01` (KMS), `2016-11-15` (EC2), `2011-06-15` (STS), `2010-05-08` (IAM) … */
  readonly apiVersion: string;
  /** Query protocols: response namespace, e.g. `https://sts.amazonaws.com/doc/2011-06-15/`. */
  readonly xmlNamespace?: string;
  /** awsJson: accepted `X-Amz-Target` prefixes (without the trailing dot). */
  readonly targetPrefixes?: readonly string[];
  /** awsJson: member name of the error message (`message` for KMS, `Message` for CloudTrail). */
  readonly errorMessageKey?: 'message' | 'Message';
}

export interface RawRequest {
  readonly method: string;
  readonly path: string;
  /** Decoded query-string parameters. */
  readonly query: URLSearchParams;
  /** Lower-case names; repeated headers joined with `, ` (as Node does). */
  readonly headers: Readonly<Record<string, string>>;
  /** Lower-case name → every value received, in order (for SigV4 canonical headers). */
  readonly headerValues: ReadonlyMap<string, readonly string[]>;
  readonly body: Buffer;
}

export interface ParsedCall {
  readonly operation: string;
  /** Raw parameters, before zod: a JSON object, or the decoded query tree. */
  readonly params: Readonly<Record<string, unknown>>;
}

export interface HttpReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface Protocol {
  readonly name: ProtocolName;
  /** Finds the operation and decodes parameters; throws SandboxError for a malformed request. */
  parse(request: RawRequest, wire: WireSettings): ParsedCall;
  success(operation: string, output: object, requestId: string, wire: WireSettings): HttpReply;
  error(error: SandboxError, requestId: string, wire: WireSettings): HttpReply;
}
