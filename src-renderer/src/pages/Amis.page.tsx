import { IconStack2 } from '@tabler/icons-react';
import { useMemo } from 'react';
import type { AmiRow } from '../../../src-shared/models/ami';
import { useApi } from '../api/api-context';
import { amiColumns, amiName } from './ebs/ami-columns';
import { AmiDetail } from './ebs/AmiDetail';
import { EbsInventoryPage, type EbsPageConfig } from './ebs/EbsInventoryPage';
import { amiRowActions } from './ebs/row-actions';

export function AmisPage() {
  const api = useApi();
  const config = useMemo(
    (): EbsPageConfig<AmiRow> => ({
      area: 'amis',
      title: 'AMIs',
      description:
        'The AMIs each profile of the scope owns and those shared with it, with the key of every backing snapshot.',
      noun: { one: 'AMI', many: 'AMIs' },
      emptyIcon: IconStack2,
      emptyDescription:
        'None of the chosen profiles owns or has been shared an AMI in the chosen regions. Choose another scope, or refresh.',
      list: (scope) => api.amis.list({ scope }),
      readSharing: (resources) => api.amis.sharing({ resources }),
      idOf: (row) => row.imageId,
      rowLabel: amiName,
      columns: amiColumns,
      initialSortColumn: 'ami',
      Detail: AmiDetail,
      actions: amiRowActions,
    }),
    [api],
  );
  return <EbsInventoryPage config={config} />;
}
