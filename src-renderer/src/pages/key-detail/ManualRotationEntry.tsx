import { Anchor, Button, Group, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import type { KeyMetadata } from '../../../../src-shared/models/key-metadata';
import type { KeyRef } from '../../../../src-shared/schemas/key-ref';
import { usePaletteActions } from '../../components/CommandPalette/use-palette-actions';
import { isAwsManaged, manualRotationOnly } from './key-facts';
import classes from './KeyDetail.module.css';

export const manualRotationPath = (ref: KeyRef): string =>
  `/keys/rotate/${encodeURIComponent(ref.profileId)}/${ref.region}/${encodeURIComponent(ref.keyId)}`;

/** Customer managed keys that are not replicas (a replica is rotated through its primary). */
function canRotateByHand(metadata: KeyMetadata): boolean {
  return !isAwsManaged(metadata) && metadata.multiRegionConfiguration?.role !== 'REPLICA';
}

/** "Rotate key by hand" in the palette while a key's page is open. */
export function useManualRotationPalette(keyRef: KeyRef, metadata: KeyMetadata) {
  const navigate = useNavigate();
  usePaletteActions(
    canRotateByHand(metadata)
      ? [
          {
            id: 'key.rotate-by-hand',
            label: 'Rotate key by hand…',
            description: 'A new key like this one, the aliases moved to it, the old key kept',
            keywords: ['manual rotation', 'new key', 're-point alias'],
            run: () => void navigate(manualRotationPath(keyRef)),
          },
        ]
      : [],
  );
}

/**
 * The Rotation tab's way to the wizard: a button for keys AWS cannot rotate, a quieter link for
 * the symmetric ones it can (automatic rotation keeps the key id, which is usually better).
 */
export function ManualRotationEntry({
  keyRef,
  metadata,
}: {
  keyRef: KeyRef;
  metadata: KeyMetadata;
}) {
  if (!canRotateByHand(metadata)) return null;
  if (manualRotationOnly(metadata)) {
    return (
      <Group gap="xs">
        <Button component={Link} to={manualRotationPath(keyRef)} data-testid="rotate-by-hand">
          Rotate by hand…
        </Button>
        <Text size="xs" c="dimmed">
          A new key with the same settings; the aliases move to it and the old key stays enabled.
        </Text>
      </Group>
    );
  }
  return (
    <Text size="xs" c="dimmed">
      Need a new key id instead of new material?{' '}
      <Anchor
        className={classes.link}
        component={Link}
        to={manualRotationPath(keyRef)}
        size="xs"
        // Inside a sentence a link must not be told apart by colour alone (axe link-in-text-block).
        underline="always"
        data-testid="rotate-by-hand"
      >
        Rotate by hand…
      </Anchor>
    </Text>
  );
}
