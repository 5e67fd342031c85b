import { CreateTagsCommand, DeleteTagsCommand } from '@aws-sdk/client-ec2';
import { z } from 'zod';
import { KeywardError } from '../../../src-shared/errors';
import { awsErrorCode } from '../../aws/map-aws-error';
import { ec2Of } from '../../key-operations/key-context';
import type { StepKind } from '../step-kind';
import { describeVolume } from '../../volumes/describe-volumes';
import { describeSnapshot } from './snapshots';
import { valueSchema, valueText } from './values';

const tag = z.object({ Key: z.string().min(1).max(128), Value: z.string().max(256) }).strict();
const params = z
  .object({
    /** The resource that gets the tags (a snapshot copy, or a re-encrypted volume). */
    resourceId: valueSchema,
    resourceType: z.enum(['snapshot', 'volume']).default('snapshot'),
    /** The tags read from the source when the plan was made (shown in the preview as they are). */
    tags: z.array(tag).min(1).max(50),
  })
  .strict();
type Params = z.output<typeof params>;

/** Puts the source's tags on the copy (CopySnapshot does not carry them). CreateTags is idempotent. */
export const copyTagsKind: StepKind<Params> = {
  name: 'copy-tags',
  params,
  outputs: [],
  title: (p) =>
    `Tag ${valueText(p.resourceId)} with ${p.tags.map((t) => `${t.Key}=${t.Value}`).join(', ')}`,
  action: (p) => ({
    service: 'ec2',
    operation: 'CreateTags',
    params: { Resources: [p.resourceId], Tags: p.tags },
  }),
  cli: (p) => ({
    args: ['ec2', 'create-tags', '--resources', p.resourceId, '--tags', JSON.stringify(p.tags)],
  }),
  check: (place) =>
    Promise.resolve([
      { stepId: place.stepId, status: 'ok', message: 'Nothing to check before the copy exists.' },
    ]),
  async run(env, p) {
    const ec2 = await ec2Of(env.ctx, env.profileId, env.region);
    await ec2.send(new CreateTagsCommand({ Resources: [env.resolve(p.resourceId)], Tags: p.tags }));
    return {};
  },
  async verify(env, p) {
    const ec2 = await ec2Of(env.ctx, env.profileId, env.region);
    const id = env.resolve(p.resourceId);
    const { Tags } =
      p.resourceType === 'volume' ? await describeVolume(ec2, id) : await describeSnapshot(ec2, id);
    const missing = p.tags.filter(
      (t) => !Tags?.some((s) => s.Key === t.Key && (s.Value ?? '') === t.Value),
    );
    if (missing.length > 0) {
      throw new KeywardError(
        'invalid-state',
        `${id} lacks the tags ${missing.map((t) => t.Key).join(', ')}.`,
      );
    }
  },
  undo: {
    describe: () => 'Removes these tags from the copy.',
    deletes: false,
    async run(env, p) {
      const ec2 = await ec2Of(env.ctx, env.profileId, env.region);
      try {
        await ec2.send(
          new DeleteTagsCommand({ Resources: [env.resolve(p.resourceId)], Tags: p.tags }),
        );
      } catch (error) {
        if (!awsErrorCode(error)?.endsWith('.NotFound')) throw error;
      }
    },
  },
};
