import { z } from 'zod';

export const hostKind = z.enum(['electron', 'browser']);
export type HostKind = z.infer<typeof hostKind>;

export const appInfoSchema = z
  .object({
    name: z.string(),
    version: z.string(),
    host: hostKind,
    dataDir: z.string(),
    platform: z.string(),
    arch: z.string(),
    versions: z
      .object({
        node: z.string(),
        electron: z.string().optional(),
        chrome: z.string().optional(),
      })
      .strict(),
  })
  .strict();

export type AppInfo = z.infer<typeof appInfoSchema>;
