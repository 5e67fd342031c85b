import type { ServiceErrorStyle } from './types';

/** STS and IAM (awsQuery). */
export const QUERY_ERROR_STYLE: ServiceErrorStyle = {
  accessDenied: { code: 'AccessDenied', status: 403 },
  validation: { code: 'ValidationError', status: 400 },
  throttling: { code: 'Throttling', status: 400, message: 'Rate exceeded' },
  internal: {
    code: 'InternalFailure',
    status: 500,
    message: 'The request processing has failed because of an unknown error, exception or failure.',
  },
  unknownOperation: { code: 'InvalidAction', status: 400 },
};

/** KMS and CloudTrail (awsJson1_1). KMS should override `accessDeniedMessage` for key policies. */
export const JSON_ERROR_STYLE: ServiceErrorStyle = {
  accessDenied: { code: 'AccessDeniedException', status: 400 },
  validation: { code: 'ValidationException', status: 400 },
  throttling: { code: 'ThrottlingException', status: 400, message: 'Rate exceeded' },
  internal: {
    code: 'InternalFailure',
    status: 500,
    message: 'The request processing has failed because of an unknown error, exception or failure.',
  },
  unknownOperation: { code: 'UnknownOperationException', status: 400 },
};

/** EC2 (ec2Query). */
export const EC2_ERROR_STYLE: ServiceErrorStyle = {
  accessDenied: { code: 'UnauthorizedOperation', status: 403 },
  validation: { code: 'InvalidParameterValue', status: 400 },
  throttling: { code: 'RequestLimitExceeded', status: 503, message: 'Request limit exceeded.' },
  internal: {
    code: 'InternalError',
    status: 500,
    message: 'An internal error has occurred',
  },
  unknownOperation: { code: 'InvalidAction', status: 400 },
  // CloudTrail shows EC2 errors with their fault side: `Client.UnauthorizedOperation`,
  // `Client.RequestLimitExceeded` (a 503, but the caller's fault), `Server.InternalError`.
  trailErrorCode: (code, status) =>
    `${status >= 500 && code !== 'RequestLimitExceeded' ? 'Server' : 'Client'}.${code}`,
  // The "encoded" message is base64url JSON of the decision (real EC2 encrypts it; decode with
  // `Buffer.from(m, 'base64url')`, there is no sts:DecodeAuthorizationMessage here).
  accessDeniedMessage: (d) =>
    'You are not authorized to perform this operation. Encoded authorization failure message: ' +
    Buffer.from(
      JSON.stringify({ action: d.action, resource: d.resource, reason: d.authorization.reason }),
    ).toString('base64url'),
};
