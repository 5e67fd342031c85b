import { Anchor, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader/PageHeader';
import classes from '../../pages/key-detail/KeyDetail.module.css';

export interface WizardPageProps {
  /** Where the link above the title goes back to, and its words ("← Back to the snapshots"). */
  readonly back: { readonly to: string; readonly label: string };
  readonly title: string;
  readonly description: string;
  readonly children: ReactNode;
}

/** A guided job's page: the way back, the job's title and what it does, then the wizard. */
export function WizardPage({ back, title, description, children }: WizardPageProps) {
  return (
    <Stack>
      <Anchor className={classes.link} component={Link} to={back.to} size="sm" w="fit-content">
        {back.label}
      </Anchor>
      <PageHeader title={title} description={description} />
      {children}
    </Stack>
  );
}

/**
 * What a guided job's route names: `/…/:profileId/:region/:<idParam>` (a missing part reads as
 * empty, which the wizard's own reads then report as not found).
 */
export function useRouteResource<K extends string>(
  idParam: K,
): { profileId: string; region: string } & Record<K, string> {
  const params = useParams();
  const place = { profileId: params.profileId ?? '', region: params.region ?? '' };
  return { ...place, [idParam]: params[idParam] ?? '' } as {
    profileId: string;
    region: string;
  } & Record<K, string>;
}
