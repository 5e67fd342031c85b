import { Button, Card, Stack, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { TabProps } from './KeyDetailTabs';

export function AuditTab({ detail }: TabProps) {
  const arn = detail.metadata.arn;
  return (
    <Card withBorder radius="lg" padding="lg">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">Who used this key, when and from where, from CloudTrail.</Text>
        <Button
          component={Link}
          to={`/audit?key=${encodeURIComponent(arn)}`}
          variant="default"
          leftSection={<IconHistory size={16} aria-hidden />}
        >
          Open the audit trail for this key
        </Button>
      </Stack>
    </Card>
  );
}
