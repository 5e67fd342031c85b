import {
  _InstanceType,
  DescribeInstancesCommand,
  type DescribeInstancesCommandInput,
  RunInstancesCommand,
  TerminateInstancesCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { z } from 'zod';
import { KeywardError } from '../../../src-shared/errors';
import { awsErrorCode } from '../../aws/map-aws-error';
import { parseAws } from '../../key-operations/aws-shapes';
import { ec2Of } from '../../key-operations/key-context';
import type { StepAt, StepEnv, StepKind, Value } from '../step-kind';
import { clientToken } from './client-token';
import { runTags } from './images';
import { destinationKeyCheck } from './key-checks';
import { madeOnce } from './made-once';
import { RUN_ID_TAG, STEP_ID_TAG } from './snapshots';
import { valueSchema, valueText } from './values';

const INSTANCE_TYPES: readonly string[] = Object.values(_InstanceType);

const params = z
  .object({
    /** The shared AMI, or the owner's re-encrypted copy an earlier step made (the aws/ebs path). */
    imageId: valueSchema,
    instanceType: z.custom<_InstanceType>(
      (v) => typeof v === 'string' && INSTANCE_TYPES.includes(v),
      'an EC2 instance type (t3.micro…)',
    ),
    /** Every EBS device of the AMI: each volume is re-encrypted with `kmsKeyId`. */
    devices: z.array(z.string().min(1)).min(1),
    /** A key of the step's (and the AMI's) Region. */
    kmsKeyId: z.string().min(1),
    subnetId: z.string().min(1).optional(),
    availabilityZone: z.string().min(1).optional(),
  })
  .strict();
type Params = z.output<typeof params>;

/** Between polls of DescribeInstances while the instance is `pending`. */
const POLL_MS = 5000;

const instanceShape = z.object({
  InstanceId: z.string(),
  State: z.object({ Name: z.string().optional() }).optional(),
  StateReason: z.object({ Message: z.string().optional() }).optional(),
});
const describeOutput = z.object({
  Reservations: z.array(z.object({ Instances: z.array(instanceShape).optional() })).optional(),
});
type InstanceFacts = z.output<typeof instanceShape>;

async function describeInstances(
  ec2: EC2Client,
  input: DescribeInstancesCommandInput,
): Promise<InstanceFacts[]> {
  const answer = parseAws(
    describeOutput,
    await ec2.send(new DescribeInstancesCommand(input)),
    'DescribeInstances',
  );
  return (answer.Reservations ?? []).flatMap((r) => r.Instances ?? []);
}

const instancesTagged = async (ec2: EC2Client, at: StepAt) =>
  (
    await describeInstances(ec2, {
      Filters: [
        { Name: `tag:${RUN_ID_TAG}`, Values: [at.runId] },
        { Name: `tag:${STEP_ID_TAG}`, Values: [at.stepId] },
      ],
    })
  ).filter((i) => i.State?.Name !== 'terminated');

/** The call's parameters; the AMI is resolved when it runs (the preview shows a reference). */
function request<I extends Value>(p: Params, at: StepAt, imageId: I) {
  return {
    ImageId: imageId,
    InstanceType: p.instanceType,
    MinCount: 1,
    MaxCount: 1,
    ...(p.subnetId === undefined ? {} : { SubnetId: p.subnetId }),
    ...(p.availabilityZone === undefined
      ? {}
      : { Placement: { AvailabilityZone: p.availabilityZone } }),
    BlockDeviceMappings: p.devices.map((DeviceName) => ({
      DeviceName,
      Ebs: { Encrypted: true, KmsKeyId: p.kmsKeyId },
    })),
    ClientToken: clientToken(at),
    TagSpecifications: [
      { ResourceType: 'instance' as const, Tags: runTags(at) },
      { ResourceType: 'volume' as const, Tags: runTags(at) },
    ],
  };
}

async function waitRunning(env: StepEnv, ec2: EC2Client, instanceId: string): Promise<void> {
  for (;;) {
    const [instance] = await describeInstances(ec2, { InstanceIds: [instanceId] });
    const state = instance?.State?.Name ?? 'unknown';
    if (state === 'running') return;
    if (state === 'terminated' || state === 'shutting-down') {
      throw new KeywardError(
        'invalid-state',
        `Instance ${instanceId} ended ${state}: ${instance?.StateReason?.Message ?? 'AWS gave no reason'}.`,
        {
          hint: 'A launch whose volumes cannot use their keys ends terminated (Client.InternalError): the launching identity must be allowed to use the AMI owner’s key and the new key. Check the key policies and IAM permissions.',
        },
      );
    }
    env.progress(0.5, state);
    if (env.signal.aborted) throw new KeywardError('cancelled', 'The run was cancelled.');
    await env.sleep(POLL_MS);
  }
}

/**
 * RunInstances from an AMI (shared with this account by an earlier step) with every EBS volume
 * re-encrypted under a key of the launching account; waits until the instance runs. The
 * ClientToken makes a resent call answer with the first instance; the run-id tags find it.
 */
export const launchInstanceKind: StepKind<Params> = {
  name: 'launch-instance',
  params,
  outputs: ['instanceId'],
  title: (p, at) =>
    `Launch a ${p.instanceType} instance from ${valueText(p.imageId)} in ${at.region}, its volumes encrypted with ${p.kmsKeyId}`,
  action: (p, at) => ({
    service: 'ec2',
    operation: 'RunInstances',
    params: request(p, at, p.imageId),
  }),
  cli: (p, at) => {
    const r = request(p, at, p.imageId);
    return {
      args: [
        'ec2',
        'run-instances',
        '--image-id',
        p.imageId,
        '--instance-type',
        p.instanceType,
        '--count',
        '1',
        ...(p.subnetId === undefined ? [] : ['--subnet-id', p.subnetId]),
        ...(r.Placement === undefined ? [] : ['--placement', JSON.stringify(r.Placement)]),
        '--block-device-mappings',
        JSON.stringify(r.BlockDeviceMappings),
        '--client-token',
        r.ClientToken,
        '--tag-specifications',
        JSON.stringify(r.TagSpecifications),
      ],
      capture: { output: 'instanceId', query: 'Instances[0].InstanceId' },
      then: [
        {
          args: [
            'ec2',
            'wait',
            'instance-running',
            '--instance-ids',
            { step: at.stepId, output: 'instanceId' },
          ],
        },
      ],
    };
  },
  async check(place, p) {
    return [
      await destinationKeyCheck(place, p.kmsKeyId),
      {
        stepId: place.stepId,
        status: 'warning',
        message: `RunInstances cannot be tried (DryRun) before ${valueText(p.imageId)} is shared with this account; the launch step checks it when it runs.`,
      },
    ];
  },
  async run(env, p) {
    const ec2 = await ec2Of(env.ctx, env.profileId, env.region);
    const instanceId = await madeOnce(env, {
      operation: 'RunInstances',
      what: 'an instance id',
      find: async () => (await instancesTagged(ec2, env))[0]?.InstanceId,
      create: async () =>
        (await ec2.send(new RunInstancesCommand(request(p, env, env.resolve(p.imageId)))))
          .Instances?.[0]?.InstanceId,
    });
    await waitRunning(env, ec2, instanceId);
    env.progress(1, 'running');
    return { instanceId };
  },
  async verify(env, _p, outputs) {
    const ec2 = await ec2Of(env.ctx, env.profileId, env.region);
    const id = outputs['instanceId'] ?? '';
    const [instance] = await describeInstances(ec2, { InstanceIds: [id] });
    if (instance?.State?.Name !== 'running') {
      throw new KeywardError(
        'invalid-state',
        `Instance ${id} is ${instance?.State?.Name ?? 'gone'}.`,
      );
    }
  },
  undo: {
    describe: () => 'Terminates the instance (asks first).',
    deletes: true,
    async run(env, _p, outputs) {
      const ec2 = await ec2Of(env.ctx, env.profileId, env.region);
      const made = outputs['instanceId'];
      const ids = made ? [made] : (await instancesTagged(ec2, env)).map((i) => i.InstanceId);
      if (ids.length === 0) return;
      try {
        await ec2.send(new TerminateInstancesCommand({ InstanceIds: ids }));
      } catch (error) {
        if (awsErrorCode(error) !== 'InvalidInstanceID.NotFound') throw error;
      }
    },
  },
};
