import { Button } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../components/EmptyState/EmptyState';
import { landing } from '../landing';

export function NotFoundPage() {
  return (
    <EmptyState
      icon={IconMapOff}
      title="No such page"
      description="The address does not match any page of Keyward."
      action={
        <Button component={Link} to={landing.path}>
          Go to {landing.label}
        </Button>
      }
    />
  );
}
