import { SegmentedControl, Stack } from '@mantine/core';
import { useState } from 'react';
import { ModalFrame } from '../../components/ModalFrame/ModalFrame';
import { AccessKeyForm } from './AccessKeyForm';
import { AssumeRoleForm } from './AssumeRoleForm';
import { SharedConfigForm } from './SharedConfigForm';
import { SsoForm } from './SsoForm';

type Kind = 'access-key' | 'assume-role' | 'sso' | 'shared-config';

export function AddProfileModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [kind, setKind] = useState<Kind>('access-key');
  return (
    <ModalFrame opened={opened} onClose={onClose} title="Add a profile">
      <Stack>
        <SegmentedControl
          aria-label="Profile kind"
          value={kind}
          onChange={(value) => setKind(value as Kind)}
          data={[
            { value: 'access-key', label: 'Access key' },
            { value: 'assume-role', label: 'Assume role' },
            { value: 'sso', label: 'IAM Identity Center' },
            { value: 'shared-config', label: 'AWS config profile' },
          ]}
        />
        {kind === 'access-key' && <AccessKeyForm onClose={onClose} />}
        {kind === 'assume-role' && <AssumeRoleForm onClose={onClose} />}
        {kind === 'sso' && <SsoForm onClose={onClose} />}
        {kind === 'shared-config' && <SharedConfigForm onClose={onClose} />}
      </Stack>
    </ModalFrame>
  );
}
