import { Button, Group } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState/EmptyState';

/** Keys is where Keyward opens: with no profile to read keys as, it says where to get one. */
export function NoProfileYet() {
  return (
    <EmptyState
      icon={IconKey}
      title="No profile to read keys with"
      description="Keys lists the KMS keys your AWS profiles can reach. Use the sandbox’s demo profiles (nothing there touches AWS), or add your own AWS profile."
      action={
        <Group justify="center">
          <Button component={Link} to="/profiles">
            Use a sandbox profile
          </Button>
          <Button variant="default" component={Link} to="/profiles" state={{ add: true }}>
            Add an AWS profile
          </Button>
        </Group>
      }
    />
  );
}
