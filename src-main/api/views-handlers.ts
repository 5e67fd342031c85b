import type { viewsCalls } from '../../src-shared/contract/views';
import type { ViewStoreService } from '../views/view-store';
import type { AreaHandlers } from './handler-types';

export function createViewsHandlers(views: ViewStoreService): AreaHandlers<typeof viewsCalls> {
  return {
    'views.get': ({ table }) => views.get(table),
    'views.save': ({ table, view }) => views.save(table, view),
    'views.delete': ({ table, name }) => views.remove(table, name),
  };
}
