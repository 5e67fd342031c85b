// The create-key wizard's policy: what the AWS console writes for the same choices
// (reference §2.6.2), built from the visual model so the editor understands all of it.
import type { KeyUsage } from './key-policy-actions';
import type { KeyPolicySection, KeyPolicyView } from './key-policy-view';
import { emitKeyPolicy } from './emit-key-policy';
import {
  accountRootSection,
  actionSetFor,
  administratorsSection,
  attachmentSection,
  usersSection,
} from './new-sections';
import { rootArn } from './principal-list';

export interface DefaultKeyPolicyOptions {
  readonly accountId: string;
  readonly administrators: readonly string[];
  readonly administratorsMayDelete: boolean;
  readonly users: readonly string[];
  /** Account ids whose roots become key users. */
  readonly otherAccounts: readonly string[];
  /** Honoured for symmetric encryption keys only: AWS services integrate with those alone. */
  readonly allowAttachment: boolean;
  readonly keySpec: string;
  readonly keyUsage: KeyUsage;
  readonly origin?: 'AWS_KMS' | 'EXTERNAL' | 'AWS_CLOUDHSM' | 'EXTERNAL_KEY_STORE';
  readonly multiRegion?: boolean;
}

export function buildDefaultKeyPolicy(options: DefaultKeyPolicyOptions): Record<string, unknown> {
  const actionSet = actionSetFor(options);
  const keyUsers = [...options.users, ...options.otherAccounts.map(rootArn)];
  const sections: KeyPolicySection[] = [accountRootSection(options.accountId)];
  if (options.administrators.length > 0) {
    sections.push(
      administratorsSection(options.administrators, {
        mayDelete: options.administratorsMayDelete,
        importedMaterial: options.origin === 'EXTERNAL',
        multiRegion: options.multiRegion === true,
      }),
    );
  }
  if (keyUsers.length > 0) {
    sections.push(usersSection(keyUsers, actionSet));
    if (options.allowAttachment && actionSet === 'symmetric')
      sections.push(attachmentSection(keyUsers));
  }
  const view: KeyPolicyView = {
    context: { accountId: options.accountId, region: '', keyArn: '' },
    header: { Id: 'key-consolepolicy-3', Version: '2012-10-17' },
    sections,
  };
  return emitKeyPolicy(view);
}
