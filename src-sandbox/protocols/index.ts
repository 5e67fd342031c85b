import { awsQuery } from './aws-query';
import { ec2Query } from './ec2-query';
import { awsJson11 } from './json-1-1';
import type { Protocol, ProtocolName } from './types';

export const PROTOCOLS: Readonly<Record<ProtocolName, Protocol>> = {
  awsJson1_1: awsJson11,
  awsQuery,
  ec2Query,
};
