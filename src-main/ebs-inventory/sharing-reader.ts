import {
  DescribeImageAttributeCommand,
  DescribeSnapshotAttributeCommand,
  EC2Client,
  type CreateVolumePermission,
  type LaunchPermission,
} from '@aws-sdk/client-ec2';
import type { EbsResourceRef, EbsSharing } from '../../src-shared/models/ebs-sharing';
import type { ClientFactory } from '../aws/client-factory';
import type { AwsPrincipal } from '../aws/principal';
import { call, forEachLimited } from '../keys/calls';
import type { CallContext } from '../operations/operation-context';
import { toSerializedError } from '../operations/to-serialized-error';

/** Attribute reads in flight at once; the scheduler paces them within EC2's quotas. */
const AT_ONCE = 8;

export interface SharingReader {
  read(resources: readonly EbsResourceRef[], ctx: CallContext): Promise<EbsSharing[]>;
}

type Permission = CreateVolumePermission &
  Pick<LaunchPermission, 'OrganizationArn' | 'OrganizationalUnitArn'>;

function sharingOf(ref: EbsResourceRef, permissions: readonly Permission[]): EbsSharing {
  return {
    ...ref,
    accounts: permissions.flatMap((p) => (p.UserId ? [p.UserId] : [])).sort(),
    public: permissions.some((p) => p.Group === 'all'),
    organizations: permissions.flatMap((p) => {
      const arn = p.OrganizationArn ?? p.OrganizationalUnitArn;
      return arn ? [arn] : [];
    }),
    error: null,
  };
}

export async function readPermissions(ec2: EC2Client, ref: EbsResourceRef): Promise<Permission[]> {
  if (ref.id.startsWith('snap-')) {
    const out = await call(() =>
      ec2.send(
        new DescribeSnapshotAttributeCommand({
          SnapshotId: ref.id,
          Attribute: 'createVolumePermission',
        }),
      ),
    );
    return out.CreateVolumePermissions ?? [];
  }
  const out = await call(() =>
    ec2.send(new DescribeImageAttributeCommand({ ImageId: ref.id, Attribute: 'launchPermission' })),
  );
  return out.LaunchPermissions ?? [];
}

/**
 * Who owned snapshots and AMIs are shared with: one attribute read per resource, asked only for
 * the rows a user looks at (EC2 has no batch form, and its describe quota is shared with every
 * other tool of the account). A resource that cannot be read says why; the others still answer.
 */
export function createSharingReader(deps: {
  aws: ClientFactory;
  principal: (profileId: string) => Promise<AwsPrincipal>;
}): SharingReader {
  return {
    async read(resources, ctx) {
      const out: EbsSharing[] = [];
      await forEachLimited(resources, AT_ONCE, async (ref) => {
        try {
          const principal = await deps.principal(ref.profileId);
          const ec2 = await deps.aws.client(EC2Client, principal, ref.region);
          out.push(sharingOf(ref, await readPermissions(ec2, ref)));
        } catch (error) {
          out.push({
            ...ref,
            accounts: [],
            public: false,
            organizations: [],
            error: toSerializedError(error, ctx.logger, 'ebs.sharing'),
          });
        }
      });
      return out;
    },
  };
}
