import { z } from 'zod';

export const hostKind = z.enum(['electron', 'browser']);
export type HostKind = z.infer<typeof hostKind>;

export const sandboxStatusSchema = z
  .object({
    state: z.enum(['off', 'starting', 'running', 'failed', 'stopped']),
    endpoint: z.string().optional(),
    accounts: z.array(z.object({ name: z.string(), id: z.string() }).strict()),
    error: z.string().optional(),
  })
  .strict();

export type SandboxStatus = z.infer<typeof sandboxStatusSchema>;

export const appInfoSchema = z
  .object({
    name: z.string(),
    version: z.string(),
    host: hostKind,
    dataDir: z.string(),
    platform: z.string(),
    arch: z.string(),
    sandbox: sandboxStatusSchema,
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
