import type { AppInfo } from '../../src-shared/models/app-info';
import type { Diagnostics } from '../diagnostics/diagnostics-service';
import type { Handlers } from './handler-types';

export function createAppHandlers(deps: {
  info: () => AppInfo;
  diagnostics: Diagnostics;
}): Handlers<'app.info' | 'diagnostics.run'> {
  return {
    'app.info': () => deps.info(),
    'diagnostics.run': (_input, ctx) => deps.diagnostics.run(ctx),
  };
}
