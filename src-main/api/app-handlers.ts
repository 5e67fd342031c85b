import type { AppInfo } from '../../src-shared/models/app-info';
import type { Diagnostics } from '../diagnostics/diagnostics-service';
import type { appCalls } from '../../src-shared/contract/app';
import type { AreaHandlers } from './handler-types';

export function createAppHandlers(deps: {
  info: () => AppInfo;
  diagnostics: Diagnostics;
}): AreaHandlers<typeof appCalls> {
  return {
    'app.info': () => deps.info(),
    'diagnostics.run': (_input, ctx) => deps.diagnostics.run(ctx),
  };
}
