import type { RequestQuota } from './request-quota';

// EC2 request rate limiting: a token bucket per API action, per account and Region, whose size
// and refill rate come from the action's category ("Request token bucket sizes and refill
// rates", https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html). Limits apply
// to each action, not to the category as a whole. Resource rate limiting (RunInstances,
// StartInstances, StopInstances, TerminateInstances count instances) is not modelled: Keyward
// launches no instances.

interface Bucket {
  readonly burst: number;
  readonly rate: number;
}

export type Ec2Category =
  'non-mutating' | 'unfiltered-non-mutating' | 'mutating' | 'resource-intensive' | 'uncategorized';

export const EC2_CATEGORY_BUCKETS: Readonly<Record<Exclude<Ec2Category, 'uncategorized'>, Bucket>> =
  {
    'non-mutating': { burst: 100, rate: 20 },
    'unfiltered-non-mutating': { burst: 50, rate: 10 },
    mutating: { burst: 50, rate: 5 },
    'resource-intensive': { burst: 50, rate: 5 },
  };

/** Take the smaller bucket when called with neither a filter nor pagination. */
const UNFILTERED_ACTIONS = new Set([
  'DescribeInstances',
  'DescribeInstanceStatus',
  'DescribeNetworkInterfaces',
  'DescribeSecurityGroups',
  'DescribeSnapshots',
  'DescribeSpotInstanceRequests',
  'DescribeVolumes',
]);

const RESOURCE_INTENSIVE_ACTIONS = new Set([
  'AcceptVpcPeeringConnection',
  'AuthorizeSecurityGroupIngress',
  'CancelSpotInstanceRequests',
  'CreateKeyPair',
  'CreateVpcPeeringConnection',
  'DeleteVpcPeeringConnection',
  'RejectVpcPeeringConnection',
  'RevokeSecurityGroupIngress',
  'RequestSpotInstances',
]);

/** Actions with buckets of their own (the page's "Uncategorized actions" table). */
export const EC2_UNCATEGORIZED_BUCKETS: Readonly<Record<string, Bucket>> = {
  AcceptVpcEndpointConnections: { burst: 10, rate: 1 },
  AdvertiseByoipCidr: { burst: 1, rate: 0.1 },
  AssignIpv6Addresses: { burst: 100, rate: 5 },
  AssignPrivateIpAddresses: { burst: 100, rate: 5 },
  AssignPrivateNatGatewayAddress: { burst: 10, rate: 1 },
  AssociateCapacityReservationBillingOwner: { burst: 1, rate: 0.5 },
  AssociateEnclaveCertificateIamRole: { burst: 10, rate: 1 },
  AssociateIamInstanceProfile: { burst: 100, rate: 5 },
  AssociateNatGatewayAddress: { burst: 10, rate: 1 },
  AttachVerifiedAccessTrustProvider: { burst: 10, rate: 2 },
  AuthorizeClientVpnIngress: { burst: 5, rate: 2 },
  CancelDeclarativePoliciesReport: { burst: 1, rate: 1 },
  CopyImage: { burst: 100, rate: 1 },
  CreateClientVpnRoute: { burst: 5, rate: 2 },
  CreateCoipCidr: { burst: 5, rate: 1 },
  CreateCoipPool: { burst: 5, rate: 1 },
  CreateDefaultSubnet: { burst: 1, rate: 1 },
  CreateDefaultVpc: { burst: 1, rate: 1 },
  CreateLaunchTemplateVersion: { burst: 100, rate: 5 },
  CreateNatGateway: { burst: 10, rate: 1 },
  CreateNetworkInterface: { burst: 100, rate: 5 },
  CreateRestoreImageTask: { burst: 50, rate: 0.1 },
  CreateSnapshot: { burst: 100, rate: 5 },
  CreateSnapshots: { burst: 100, rate: 5 },
  CreateSpotDatafeedSubscription: { burst: 50, rate: 3 },
  CreateStoreImageTask: { burst: 50, rate: 0.1 },
  CreateSubnetCidrReservation: { burst: 5, rate: 1 },
  CreateTags: { burst: 100, rate: 10 },
  CreateVerifiedAccessEndpoint: { burst: 20, rate: 4 },
  CreateVerifiedAccessGroup: { burst: 10, rate: 2 },
  CreateVerifiedAccessInstance: { burst: 10, rate: 2 },
  CreateVerifiedAccessTrustProvider: { burst: 10, rate: 2 },
  CreateVolume: { burst: 100, rate: 5 },
  CreateVpcEndpoint: { burst: 4, rate: 0.3 },
  CreateVpcEndpointServiceConfiguration: { burst: 10, rate: 1 },
  DeleteClientVpnRoute: { burst: 5, rate: 2 },
  DeleteCoipCidr: { burst: 5, rate: 1 },
  DeleteCoipPool: { burst: 5, rate: 1 },
  DeleteCoipPoolPermission: { burst: 5, rate: 1 },
  DeleteNatGateway: { burst: 10, rate: 1 },
  DeleteNetworkInterface: { burst: 100, rate: 5 },
  DeleteSnapshot: { burst: 100, rate: 5 },
  DeleteSpotDatafeedSubscription: { burst: 50, rate: 3 },
  DeleteSubnetCidrReservation: { burst: 5, rate: 1 },
  DeleteQueuedReservedInstances: { burst: 5, rate: 5 },
  DeleteTags: { burst: 100, rate: 10 },
  DeleteVerifiedAccessEndpoint: { burst: 20, rate: 4 },
  DeleteVerifiedAccessGroup: { burst: 10, rate: 2 },
  DeleteVerifiedAccessInstance: { burst: 10, rate: 2 },
  DeleteVerifiedAccessTrustProvider: { burst: 10, rate: 2 },
  DeleteVolume: { burst: 100, rate: 5 },
  DeleteVpcEndpoints: { burst: 4, rate: 0.3 },
  DeleteVpcEndpointServiceConfigurations: { burst: 10, rate: 1 },
  DeprovisionByoipCidr: { burst: 1, rate: 0.1 },
  DeregisterImage: { burst: 100, rate: 5 },
  DescribeAggregateIdFormat: { burst: 10, rate: 10 },
  DescribeByoipCidrs: { burst: 1, rate: 0.5 },
  DescribeCapacityBlockExtensionOfferings: { burst: 10, rate: 0.15 },
  DescribeCapacityBlockOfferings: { burst: 10, rate: 0.15 },
  DescribeDeclarativePoliciesReports: { burst: 5, rate: 5 },
  DescribeHostReservations: { burst: 5, rate: 2 },
  DescribeHostReservationOfferings: { burst: 5, rate: 2 },
  DescribeIdentityIdFormat: { burst: 10, rate: 10 },
  DescribeIdFormat: { burst: 10, rate: 10 },
  DescribeInstanceTopology: { burst: 1, rate: 1 },
  DescribeMovingAddresses: { burst: 1, rate: 1 },
  DescribePrincipalIdFormat: { burst: 10, rate: 10 },
  DescribeReservedInstancesOfferings: { burst: 10, rate: 10 },
  DescribeSecurityGroupReferences: { burst: 20, rate: 5 },
  DescribeSpotDatafeedSubscription: { burst: 100, rate: 13 },
  DescribeSpotFleetInstances: { burst: 100, rate: 5 },
  DescribeSpotFleetRequestHistory: { burst: 100, rate: 5 },
  DescribeSpotFleetRequests: { burst: 50, rate: 3 },
  DescribeStaleSecurityGroups: { burst: 20, rate: 5 },
  DescribeStoreImageTasks: { burst: 50, rate: 0.5 },
  DescribeVerifiedAccessInstanceLoggingConfigurations: { burst: 10, rate: 2 },
  DetachVerifiedAccessTrustProvider: { burst: 10, rate: 2 },
  DisableFastLaunch: { burst: 5, rate: 2 },
  DisableImageBlockPublicAccess: { burst: 1, rate: 0.1 },
  DisableSnapshotBlockPublicAccess: { burst: 1, rate: 0.1 },
  DisassociateCapacityReservationBillingOwner: { burst: 1, rate: 0.5 },
  DisassociateEnclaveCertificateIamRole: { burst: 10, rate: 1 },
  DisassociateIamInstanceProfile: { burst: 100, rate: 5 },
  DisassociateNatGatewayAddress: { burst: 10, rate: 1 },
  EnableFastLaunch: { burst: 5, rate: 2 },
  EnableImageBlockPublicAccess: { burst: 1, rate: 0.1 },
  EnableSnapshotBlockPublicAccess: { burst: 1, rate: 0.1 },
  GetAssociatedEnclaveCertificateIamRoles: { burst: 10, rate: 1 },
  GetDeclarativePoliciesReportSummary: { burst: 5, rate: 5 },
  GetHostReservationPurchasePreview: { burst: 5, rate: 2 },
  ModifyImageAttribute: { burst: 100, rate: 5 },
  ModifyInstanceMetadataDefaults: { burst: 2, rate: 2 },
  ModifyInstanceMetadataOptions: { burst: 100, rate: 5 },
  ModifyLaunchTemplate: { burst: 100, rate: 5 },
  ModifyNetworkInterfaceAttribute: { burst: 100, rate: 5 },
  ModifySnapshotAttribute: { burst: 100, rate: 5 },
  ModifyVerifiedAccessEndpoint: { burst: 20, rate: 4 },
  ModifyVerifiedAccessEndpointPolicy: { burst: 20, rate: 4 },
  ModifyVerifiedAccessGroup: { burst: 10, rate: 2 },
  ModifyVerifiedAccessGroupPolicy: { burst: 20, rate: 4 },
  ModifyVerifiedAccessInstance: { burst: 10, rate: 2 },
  ModifyVerifiedAccessInstanceLoggingConfiguration: { burst: 10, rate: 2 },
  ModifyVerifiedAccessTrustProvider: { burst: 10, rate: 2 },
  ModifyVpcEndpoint: { burst: 4, rate: 0.3 },
  ModifyVpcEndpointServiceConfiguration: { burst: 10, rate: 1 },
  MoveAddressToVpc: { burst: 1, rate: 1 },
  ProvisionByoipCidr: { burst: 1, rate: 0.1 },
  PurchaseCapacityBlock: { burst: 10, rate: 0.15 },
  PurchaseCapacityBlockExtension: { burst: 10, rate: 0.15 },
  PurchaseHostReservation: { burst: 5, rate: 2 },
  PurchaseReservedInstancesOffering: { burst: 5, rate: 5 },
  RejectVpcEndpointConnections: { burst: 10, rate: 1 },
  RestoreAddressToClassic: { burst: 1, rate: 1 },
  RevokeClientVpnIngress: { burst: 5, rate: 2 },
  RunInstances: { burst: 5, rate: 2 },
  StartDeclarativePoliciesReport: { burst: 1, rate: 1 },
  StartInstances: { burst: 5, rate: 2 },
  TerminateInstances: { burst: 100, rate: 5 },
  UnassignPrivateIpAddresses: { burst: 100, rate: 5 },
  UnassignPrivateNatGatewayAddress: { burst: 10, rate: 1 },
  WithdrawByoipCidr: { burst: 1, rate: 0.1 },
};

const NON_MUTATING = /^(Describe|List|Search|Get)/;

/** How a request narrows what it asks for: a filter, or pagination (MaxResults / NextToken). */
export interface Ec2RequestShape {
  readonly filtered: boolean;
  readonly paginated: boolean;
}

export function ec2CategoryOf(action: string, shape: Ec2RequestShape): Ec2Category {
  if (action in EC2_UNCATEGORIZED_BUCKETS) return 'uncategorized';
  if (UNFILTERED_ACTIONS.has(action) && !shape.filtered && !shape.paginated) {
    return 'unfiltered-non-mutating';
  }
  if (NON_MUTATING.test(action)) return 'non-mutating';
  return RESOURCE_INTENSIVE_ACTIONS.has(action) ? 'resource-intensive' : 'mutating';
}

/** The request bucket an EC2 call takes a token from. */
export function ec2RequestQuota(action: string, shape: Ec2RequestShape): RequestQuota {
  const category = ec2CategoryOf(action, shape);
  const bucket =
    category === 'uncategorized'
      ? (EC2_UNCATEGORIZED_BUCKETS[action] ?? EC2_CATEGORY_BUCKETS.mutating)
      : EC2_CATEGORY_BUCKETS[category];
  const suffix = category === 'unfiltered-non-mutating' ? ':unfiltered' : '';
  return { key: `ec2:${action}${suffix}`, ...bucket, refill: 'per-second' };
}

/** The shape of an SDK-style input (`Filters`, `MaxResults`, `NextToken`). */
export function ec2ShapeOf(input: Readonly<Record<string, unknown>>): Ec2RequestShape {
  const filters = input['Filters'];
  return {
    filtered: Array.isArray(filters) && filters.length > 0,
    paginated: input['MaxResults'] !== undefined || input['NextToken'] !== undefined,
  };
}
