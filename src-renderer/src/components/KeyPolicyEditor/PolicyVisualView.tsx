import { Card, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { describeKeyPolicyView } from '../../../../src-shared/policy/key-policy/describe-key-policy-view';
import {
  addAdministrator,
  removeAdministrator,
  setAdministratorsMayDelete,
} from '../../../../src-shared/policy/key-policy/edit-administrators';
import {
  addKeyUser,
  addOtherAccount,
  removeKeyUser,
  removeOtherAccount,
  setAllowAttachment,
} from '../../../../src-shared/policy/key-policy/edit-key-users';
import {
  addServicePrincipal,
  removeServicePrincipal,
} from '../../../../src-shared/policy/key-policy/edit-service-principals';
import type { KeyPolicyView } from '../../../../src-shared/policy/key-policy/key-policy-view';
import { KeptStatements } from './KeptStatements';
import { PrincipalListField } from '../PrincipalListField/PrincipalListField';

export interface PolicyVisualViewProps {
  readonly view: KeyPolicyView;
  readonly onChange: (view: KeyPolicyView) => void;
  /** ARNs to offer (the profile's principal, known roles). */
  readonly suggestions?: readonly string[];
}

/** Roles of the understood statements, editable; the rest listed read-only. */
export function PolicyVisualView({ view, onChange, suggestions = [] }: PolicyVisualViewProps) {
  const roles = describeKeyPolicyView(view);
  const accountId = view.context.accountId;
  return (
    <Stack gap="md" data-testid="policy-visual-view">
      {!roles.accountRootEnabled && (
        <Text size="sm" c="orange">
          The account root is not trusted: IAM policies in {accountId} cannot grant access to this
          key; only the principals below can.
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder padding="sm">
          <Stack gap="sm">
            <PrincipalListField
              title="Key administrators"
              hint="May manage the key and its policy, but not use it for cryptography."
              entries={roles.administrators}
              kind="account-principal"
              accountId={accountId}
              suggestions={suggestions}
              emptyText="No administrators statement."
              onAdd={(arn) => onChange(addAdministrator(view, arn))}
              onRemove={(arn) => onChange(removeAdministrator(view, arn))}
            />
            <Switch
              label="Administrators may delete the key"
              description="kms:ScheduleKeyDeletion and kms:CancelKeyDeletion"
              checked={roles.administratorsMayDelete === true}
              disabled={roles.administratorsMayDelete === undefined}
              onChange={(e) => onChange(setAdministratorsMayDelete(view, e.currentTarget.checked))}
            />
          </Stack>
        </Card>
        <Card withBorder padding="sm">
          <Stack gap="sm">
            <PrincipalListField
              title="Key users"
              hint={`Principals of ${accountId} that may use the key for cryptography.`}
              entries={roles.users}
              kind="account-principal"
              accountId={accountId}
              suggestions={suggestions}
              emptyText="No key users."
              onAdd={(arn) => onChange(addKeyUser(view, arn))}
              onRemove={(arn) => onChange(removeKeyUser(view, arn))}
            />
            <Switch
              label="Allow attachment of persistent resources"
              description="Key users may create grants for AWS services (EBS, RDS…) only"
              checked={roles.allowAttachment}
              onChange={(e) => onChange(setAllowAttachment(view, e.currentTarget.checked))}
            />
          </Stack>
        </Card>
        <Card withBorder padding="sm">
          <PrincipalListField
            title="Other AWS accounts"
            hint="Accounts whose IAM policies may then let their principals use the key."
            entries={roles.otherAccounts}
            kind="account-id"
            accountId={accountId}
            emptyText="No other accounts."
            onAdd={(id) => onChange(addOtherAccount(view, id))}
            onRemove={(id) => onChange(removeOtherAccount(view, id))}
          />
        </Card>
        <Card withBorder padding="sm">
          <PrincipalListField
            title="Service principals"
            hint="AWS services allowed to use the key directly."
            entries={roles.servicePrincipals.map((s) => s.service)}
            kind="service"
            accountId={accountId}
            emptyText="No service principals."
            onAdd={(service) => onChange(addServicePrincipal(view, service))}
            onRemove={(service) => onChange(removeServicePrincipal(view, service))}
          />
        </Card>
      </SimpleGrid>
      <KeptStatements sections={roles.notUnderstood} />
    </Stack>
  );
}
