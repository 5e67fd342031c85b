import { z } from 'zod';

const endpointChoice = z
  .object({
    /** Settings → Network turns it on for every real-AWS profile. */
    setting: z.boolean(),
    /** AWS_USE_FIPS_ENDPOINT / AWS_USE_DUALSTACK_ENDPOINT as set, or null. */
    env: z.string().max(20).nullable(),
  })
  .strict();

/** How real-AWS requests travel now: what Settings → Network shows. No secret: passwords masked. */
export const networkStatusSchema = z
  .object({
    /** The proxy from HTTPS_PROXY (or https_proxy / ALL_PROXY), its password replaced by ****. */
    proxy: z
      .object({ url: z.string().max(2048), variable: z.string().max(40) })
      .strict()
      .nullable(),
    /** Why the proxy variable cannot be used, when it cannot. */
    proxyError: z.string().max(2000).nullable(),
    noProxy: z
      .object({ value: z.string().max(4096), variable: z.string().max(40) })
      .strict()
      .nullable(),
    caBundle: z
      .object({
        path: z.string().max(1024),
        source: z.enum(['settings', 'AWS_CA_BUNDLE']),
        certificateCount: z.number().int().nonnegative(),
        /** The first few subjects, for recognising the file. */
        subjects: z.array(z.string().max(500)).max(10),
      })
      .strict()
      .nullable(),
    /** Why the CA bundle in effect cannot be used, when it cannot. */
    caBundleError: z.string().max(2000).nullable(),
    /** NODE_EXTRA_CA_CERTS, which Node adds to its defaults (and Keyward keeps). */
    extraCaCerts: z.string().max(1024).nullable(),
    fips: endpointChoice,
    dualstack: endpointChoice,
  })
  .strict();

export type NetworkStatus = z.infer<typeof networkStatusSchema>;
