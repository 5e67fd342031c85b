import { Button } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { usePaletteActions } from '../../components/CommandPalette/use-palette-actions';

export const CHOOSE_VOLUME_PATH = '/volumes/reencrypt';

/** The Snapshots page's way into the re-encrypt wizard for a volume (also in the palette). */
export function ReencryptVolumeButton() {
  const navigate = useNavigate();
  usePaletteActions([
    {
      id: 'volumes.reencrypt',
      label: 'Re-encrypt a volume…',
      description: 'A new volume under another key of its Region; the original is kept',
      icon: IconKey,
      keywords: ['ebs', 'kms', 'aws/ebs', 'encrypt'],
      run: () => void navigate(CHOOSE_VOLUME_PATH),
    },
  ]);
  return (
    <Button
      variant="default"
      leftSection={<IconKey size={16} />}
      onClick={() => void navigate(CHOOSE_VOLUME_PATH)}
    >
      Re-encrypt a volume…
    </Button>
  );
}
