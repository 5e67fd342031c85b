import { Badge } from '@mantine/core';
import type { ImportEntry } from '../../../../../src-shared/models/profile-import';

// Filled, dark shades: the light variants fail WCAG AA contrast.
const kinds: Readonly<Record<ImportEntry['kind'], { label: string; color: string }>> = {
  'access-key': { label: 'Access key', color: 'teal.9' },
  'assume-role': { label: 'Assume role', color: 'indigo.9' },
  sso: { label: 'SSO', color: 'violet.9' },
  'shared-config': { label: 'AWS config', color: 'gray.7' },
};

export function KindBadge({ kind }: { kind: ImportEntry['kind'] }) {
  return (
    <Badge color={kinds[kind].color} style={{ minWidth: 'max-content' }}>
      {kinds[kind].label}
    </Badge>
  );
}
