import type { RotationStatusKind } from '../../../../../src-shared/models/key-rotation-compliance';
import type { StatusTone } from '../../../components/StatusBadge/StatusBadge';

/** How the compliance view names each rotation status, in the order it lists them. */
export const rotationStatusLabels: Readonly<Record<RotationStatusKind, string>> = {
  off: 'Off · not compliant',
  unknown: 'Unknown',
  'by-hand': 'By hand only',
  on: 'Automatic',
  'follows-primary': 'Follows primary',
  'aws-managed': 'Yearly by AWS',
};

export const rotationStatusTones: Readonly<Record<RotationStatusKind, StatusTone>> = {
  off: 'danger',
  unknown: 'neutral',
  // Not an alarm (AWS cannot do it), and the orange badge lacks contrast for its small label.
  'by-hand': 'neutral',
  on: 'ok',
  'follows-primary': 'neutral',
  'aws-managed': 'neutral',
};

/** Keys needing action first: off, unknown, by hand; then those that rotate. */
export const rotationStatusOrder = (status: RotationStatusKind): number =>
  Object.keys(rotationStatusLabels).indexOf(status);
