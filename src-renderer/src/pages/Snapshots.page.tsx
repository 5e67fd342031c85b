import { IconCamera } from '@tabler/icons-react';
import type { SnapshotRow } from '../../../src-shared/models/snapshot';
import { useApi } from '../api/api-context';
import { useMemo } from 'react';
import { EbsInventoryPage, type EbsPageConfig } from './ebs/EbsInventoryPage';
import { ReencryptVolumeButton } from './ebs/ReencryptVolumeButton';
import { snapshotRowActions } from './ebs/row-actions';
import { SnapshotDetail } from './ebs/SnapshotDetail';
import { snapshotColumns, snapshotName } from './ebs/snapshot-columns';

export function SnapshotsPage() {
  const api = useApi();
  const config = useMemo(
    (): EbsPageConfig<SnapshotRow> => ({
      area: 'snapshots',
      title: 'Snapshots',
      description:
        'The EBS snapshots each profile of the scope owns and those shared with it, with the key that encrypts each.',
      noun: { one: 'snapshot', many: 'snapshots' },
      emptyIcon: IconCamera,
      emptyDescription:
        'None of the chosen profiles owns or has been shared an EBS snapshot in the chosen regions. Choose another scope, or refresh.',
      list: (scope) => api.snapshots.list({ scope }),
      readSharing: (resources) => api.snapshots.sharing({ resources }),
      idOf: (row) => row.snapshotId,
      rowLabel: snapshotName,
      columns: snapshotColumns,
      initialSortColumn: 'snapshot',
      Detail: SnapshotDetail,
      actions: snapshotRowActions,
      headerActions: <ReencryptVolumeButton />,
    }),
    [api],
  );
  return <EbsInventoryPage config={config} />;
}
