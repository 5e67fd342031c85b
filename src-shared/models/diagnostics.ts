import { z } from 'zod';

export const diagnosticCheckSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    outcome: z.enum(['pass', 'warn', 'fail']),
    detail: z.string(),
  })
  .strict();

export const diagnosticsReportSchema = z
  .object({ checks: z.array(diagnosticCheckSchema), finishedAt: z.string() })
  .strict();

export type DiagnosticCheck = z.infer<typeof diagnosticCheckSchema>;
export type DiagnosticsReport = z.infer<typeof diagnosticsReportSchema>;
