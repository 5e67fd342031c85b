/** CloudTrail record shapes (reference §5.2). Field names are CloudTrail's own. */

export interface SessionContext {
  readonly attributes: {
    readonly creationDate: string;
    readonly mfaAuthenticated: 'true' | 'false';
  };
  readonly sessionIssuer?: {
    readonly type: 'Role';
    readonly principalId: string;
    readonly arn: string;
    readonly accountId: string;
    readonly userName: string;
  };
}

export interface UserIdentity {
  readonly type:
    | 'Root'
    | 'IAMUser'
    | 'AssumedRole'
    | 'Role'
    | 'AWSAccount'
    | 'AWSService'
    | 'IdentityCenterUser'
    | 'Unknown';
  readonly principalId?: string;
  readonly arn?: string;
  readonly accountId?: string;
  readonly accessKeyId?: string;
  readonly userName?: string;
  readonly invokedBy?: string;
  readonly sessionContext?: SessionContext;
  /** IAM Identity Center users (`IdentityCenterUser`): who, in which identity store. */
  readonly onBehalfOf?: { readonly userId: string; readonly identityStoreArn: string };
  /** IAM Identity Center: the user's access portal session. */
  readonly credentialId?: string;
}

export interface TrailResource {
  readonly accountId?: string;
  readonly type?: string;
  readonly ARN?: string;
}

export interface CloudTrailRecord {
  readonly eventVersion: string;
  readonly userIdentity: UserIdentity;
  /** ISO-8601, seconds precision: `2024-01-15T09:28:30Z` */
  readonly eventTime: string;
  readonly eventSource: string;
  readonly eventName: string;
  readonly awsRegion: string;
  readonly sourceIPAddress: string;
  readonly userAgent: string;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly requestParameters: unknown;
  readonly responseElements: unknown;
  readonly additionalEventData?: unknown;
  readonly requestID?: string;
  readonly eventID: string;
  readonly readOnly: boolean;
  readonly resources?: readonly TrailResource[];
  readonly eventType: 'AwsApiCall' | 'AwsServiceEvent';
  readonly managementEvent: boolean;
  readonly recipientAccountId: string;
  readonly eventCategory: 'Management';
  readonly serviceEventDetails?: unknown;
  readonly sharedEventID?: string;
}

export const LOOKUP_ATTRIBUTE_KEYS = [
  'EventId',
  'EventName',
  'ReadOnly',
  'Username',
  'ResourceType',
  'ResourceName',
  'EventSource',
  'AccessKeyId',
] as const;
export type LookupAttributeKey = (typeof LOOKUP_ATTRIBUTE_KEYS)[number];

export interface TrailQuery {
  readonly account: string;
  readonly region: string;
  readonly attribute?: { readonly key: LookupAttributeKey; readonly value: string };
  /** inclusive */
  readonly start?: Date;
  /** inclusive */
  readonly end?: Date;
  /** Retention floor (CloudTrail keeps 90 days); not part of the NextToken binding. */
  readonly notBefore?: Date;
  /** 1–50 is CloudTrail's range; the trail module accepts any positive number. */
  readonly limit: number;
  readonly nextToken?: string;
}

/** One entry of LookupEvents' `Events`, ready for the awsJson serialiser. */
export interface LookupEvent {
  readonly EventId: string;
  readonly EventName: string;
  readonly ReadOnly: 'true' | 'false';
  readonly AccessKeyId?: string;
  readonly EventTime: Date;
  readonly EventSource: string;
  readonly Username?: string;
  readonly Resources: readonly { readonly ResourceType?: string; readonly ResourceName?: string }[];
  readonly CloudTrailEvent: string;
}

export interface TrailPage {
  readonly events: readonly LookupEvent[];
  readonly nextToken?: string;
}
