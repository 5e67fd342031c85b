import { z } from 'zod';
import { awsInt, awsList, awsString } from '../validation';

const serialNumber = awsString(9, 256, /^[\w+=/:,.@-]*$/, '[\\w+=/:,.@-]*');
const tokenCode = awsString(6, 6, /^\d*$/, '[\\d]*');

export const assumeRoleInput = z.object({
  RoleArn: awsString(20, 2048),
  RoleSessionName: awsString(2, 64, /^[\w+=,.@-]*$/, '[\\w+=,.@-]*'),
  DurationSeconds: awsInt(900, 43200).optional(),
  ExternalId: awsString(2, 1224, /^[\w+=,.@:/-]*$/, '[\\w+=,.@:\\/-]*').optional(),
  SerialNumber: serialNumber.optional(),
  TokenCode: tokenCode.optional(),
  Policy: awsString(1, 100_000).optional(),
  PolicyArns: awsList(z.object({ arn: awsString(20, 2048) }), 10).optional(),
  Tags: awsList(z.object({ Key: awsString(1, 128), Value: awsString(0, 256) }), 50).optional(),
  TransitiveTagKeys: awsList(awsString(1, 128), 50).optional(),
  SourceIdentity: awsString(2, 64, /^[\w+=,.@-]*$/, '[\\w+=,.@-]*').optional(),
});

export const getSessionTokenInput = z.object({
  DurationSeconds: awsInt(900, 129600).optional(),
  SerialNumber: serialNumber.optional(),
  TokenCode: tokenCode.optional(),
});

export const emptyInput = z.object({});
