/**
 * The one error type service code throws. `code` is the wire error code exactly as AWS sends it
 * (`NotFoundException` for KMS, `NoSuchEntity` for IAM, `InvalidSnapshot.NotFound` for EC2).
 * `httpStatus` defaults to 400 (500 for `Receiver` faults when `fault` says so).
 */
export class SandboxError extends Error {
  readonly code: string;
  readonly httpStatus: number;
  /** awsQuery `<Type>`: `Sender` for client faults, `Receiver` for server faults. */
  readonly fault: 'Sender' | 'Receiver';

  constructor(code: string, message: string, httpStatus?: number) {
    super(message);
    this.name = 'SandboxError';
    this.code = code;
    this.httpStatus = httpStatus ?? 400;
    this.fault = this.httpStatus >= 500 ? 'Receiver' : 'Sender';
  }
}

export function isSandboxError(e: unknown): e is SandboxError {
  return e instanceof SandboxError;
}
