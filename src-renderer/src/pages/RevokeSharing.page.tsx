import { Anchor, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader/PageHeader';
import { RevokeSharingWizard } from '../wizards/RevokeSharing/RevokeSharingWizard';
import classes from './key-detail/KeyDetail.module.css';

/** `/sharing/revoke`: stop sharing snapshots, AMIs and keys with one account. */
export function RevokeSharingPage() {
  return (
    <Stack>
      <Anchor className={classes.link} component={Link} to="/snapshots" size="sm" w="fit-content">
        ← Back to the snapshots
      </Anchor>
      <PageHeader
        title="Revoke sharing with an account"
        description="Finds the snapshots, AMIs, key policy statements and grants that name an account, and removes them in one run you preview first."
      />
      <RevokeSharingWizard />
    </Stack>
  );
}
