import { Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { IconUserShield } from '@tabler/icons-react';
import { useProfiles } from '../api/queries';
import { EmptyState } from '../components/EmptyState/EmptyState';
import { PageHeader } from '../components/PageHeader/PageHeader';

export function ProfilesPage() {
  const { data: profiles = [], isLoading } = useProfiles();
  return (
    <>
      <PageHeader
        title="Profiles"
        description="The identities Keyward acts as. Secrets stay in the OS keychain."
      />
      {!isLoading && profiles.length === 0 ? (
        <EmptyState
          icon={IconUserShield}
          title="No profiles yet"
          description="Adding and importing profiles is not built yet. When it is, each profile shows who it is (account and ARN) before Keyward uses it."
          upcoming={[
            'Access keys, assumed roles (with MFA), IAM Identity Center (SSO) and ~/.aws/config profiles',
            'Import from ~/.aws/config and ~/.aws/credentials, keys moved into the OS keychain',
            'Identity check with STS before a profile is used',
          ]}
        />
      ) : (
        <Card withBorder padding={0}>
          <Table highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Account</Table.Th>
                <Table.Th>Region</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {profiles.map((profile) => (
                <Table.Tr key={profile.id}>
                  <Table.Td>
                    <Stack gap={0}>
                      <Text fw={600}>{profile.name}</Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td>{profile.kind}</Table.Td>
                  <Table.Td>{profile.accountId ?? '—'}</Table.Td>
                  <Table.Td>{profile.defaultRegion}</Table.Td>
                  <Table.Td>
                    <Group>
                      <Badge
                        color={
                          profile.status === 'verified'
                            ? 'teal'
                            : profile.status === 'failed'
                              ? 'red'
                              : 'gray'
                        }
                      >
                        {profile.status}
                      </Badge>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </>
  );
}
