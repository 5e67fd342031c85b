import { Card, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { PrincipalListField } from '../../../components/PrincipalListField/PrincipalListField';
import type { StepProps } from './TypeStep';

export interface AccessStepProps extends StepProps {
  readonly accountId: string;
  readonly suggestions: readonly string[];
}

const add = (list: readonly string[], entry: string) =>
  list.includes(entry) ? list : [...list, entry];
const remove = (list: readonly string[], entry: string) => list.filter((e) => e !== entry);

/** Step 3: administrators (and whether they may delete), key users, other accounts. */
export function AccessStep({ draft, onChange, accountId, suggestions }: AccessStepProps) {
  const set = (patch: Partial<typeof draft>) => onChange({ ...draft, ...patch });
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        The account root ({accountId}) always keeps full access, so IAM policies keep control and
        nobody is locked out.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder padding="sm">
          <Stack gap="sm">
            <PrincipalListField
              title="Key administrators"
              hint="Manage the key and its policy; they cannot use it for cryptography."
              entries={draft.administrators}
              kind="account-principal"
              accountId={accountId}
              suggestions={suggestions}
              emptyText="None: only IAM policies in the account grant administration."
              onAdd={(arn) => set({ administrators: add(draft.administrators, arn) })}
              onRemove={(arn) => set({ administrators: remove(draft.administrators, arn) })}
            />
            <Switch
              label="Administrators may delete the key"
              checked={draft.administratorsMayDelete}
              onChange={(e) => set({ administratorsMayDelete: e.currentTarget.checked })}
            />
          </Stack>
        </Card>
        <Card withBorder padding="sm">
          <Stack gap="sm">
            <PrincipalListField
              title="Key users"
              hint={`Principals of ${accountId} that use the key for cryptography.`}
              entries={draft.users}
              kind="account-principal"
              accountId={accountId}
              suggestions={suggestions}
              emptyText="None."
              onAdd={(arn) => set({ users: add(draft.users, arn) })}
              onRemove={(arn) => set({ users: remove(draft.users, arn) })}
            />
            {draft.kind === 'symmetric' && draft.keyUsage === 'ENCRYPT_DECRYPT' && (
              <Switch
                label="Allow attachment of persistent resources"
                description="Key users may grant AWS services (EBS, RDS…) use of the key"
                checked={draft.allowAttachment}
                onChange={(e) => set({ allowAttachment: e.currentTarget.checked })}
              />
            )}
          </Stack>
        </Card>
        <Card withBorder padding="sm">
          <PrincipalListField
            title="Other AWS accounts"
            hint="Their IAM policies may then let their principals use the key."
            entries={draft.otherAccounts}
            kind="account-id"
            accountId={accountId}
            emptyText="None."
            onAdd={(id) => set({ otherAccounts: add(draft.otherAccounts, id) })}
            onRemove={(id) => set({ otherAccounts: remove(draft.otherAccounts, id) })}
          />
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
