import { Anchor, Card, Text } from '@mantine/core';
import { Link } from 'react-router';
import classes from './KeyDetail.module.css';
import type { TabProps } from './KeyDetailTabs';

export function AuditTab({ detail }: TabProps) {
  const arn = detail.metadata.arn;
  return (
    <Card withBorder radius="lg" padding="lg">
      <Text size="sm">
        Who used this key, when and from where:{' '}
        <Anchor
          className={classes.link}
          component={Link}
          to={`/audit?key=${encodeURIComponent(arn)}`}
        >
          open the Audit page filtered to this key
        </Anchor>
        .
      </Text>
    </Card>
  );
}
