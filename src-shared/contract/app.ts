import { appInfoSchema } from '../models/app-info';
import { diagnosticsReportSchema } from '../models/diagnostics';
import { invoke, noInput, operation } from './define';

export const appCalls = {
  'app.info': invoke({
    summary: 'Version, host kind and data directory of the running console.',
    input: noInput,
    output: appInfoSchema,
  }),
  'diagnostics.run': operation({
    summary:
      'Checks the data directory, the settings file, the network and the credential store in use, step by step.',
    input: noInput,
    result: diagnosticsReportSchema,
  }),
} as const;
