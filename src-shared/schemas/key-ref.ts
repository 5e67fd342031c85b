import { z } from 'zod';
import { regionCode } from './regions';

/** A key id (`1234abcd-…`, `mrk-…`) or key ARN; aliases are not accepted where AWS refuses them. */
export const keyIdOrArn = z
  .string()
  .min(1)
  .max(2048)
  .regex(
    /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}|arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/(?:[0-9a-f-]{36}|mrk-[0-9a-f]{32}))$/,
    'a key id or key ARN',
  );

export const aliasName = z
  .string()
  .min(7)
  .max(256)
  .regex(/^alias\/[a-zA-Z0-9:/_-]+$/, 'alias/ followed by letters, digits, : / _ -')
  .refine((name) => !name.startsWith('alias/aws/'), 'alias/aws/ is reserved for AWS managed keys');

/** Which key, as whom, where: every key call names all three. */
export const keyRef = z
  .object({
    profileId: z.string().min(1).max(200),
    region: regionCode,
    keyId: keyIdOrArn,
  })
  .strict();

export type KeyRef = z.output<typeof keyRef>;

export const tagSchema = z
  .object({
    key: z
      .string()
      .min(1)
      .max(128)
      .refine((k) => !k.startsWith('aws:'), 'tag keys starting with aws: are reserved'),
    value: z.string().max(256),
  })
  .strict();

export const tagList = z
  .array(tagSchema)
  .max(50)
  .refine((tags) => new Set(tags.map((t) => t.key)).size === tags.length, 'tag keys must differ');

export type Tag = z.output<typeof tagSchema>;
