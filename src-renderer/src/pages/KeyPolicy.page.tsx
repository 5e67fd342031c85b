import { Button, Skeleton, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useApi } from '../api/api-context';
import { toSerialized } from '../api/present-error';
import { ErrorAlert } from '../components/ErrorAlert/ErrorAlert';
import { KeyPolicyEditor } from '../components/KeyPolicyEditor/KeyPolicyEditor';
import { PageHeader } from '../components/PageHeader/PageHeader';

/** The key policy editor on its own page, until the key detail page holds it as a tab. */
export function KeyPolicyPage() {
  const api = useApi();
  const { profileId = '', region = '', keyId = '' } = useParams();
  const ref = { profileId, region, keyId };
  const detail = useQuery({
    queryKey: ['keys.detail', profileId, region, keyId],
    queryFn: () => api.keys.detail(ref),
  });
  const metadata = detail.data?.metadata;
  const policy = detail.data?.policy;
  return (
    <Stack>
      <PageHeader
        title="Key policy"
        description={metadata ? metadata.arn : keyId}
        actions={
          <Button
            variant="default"
            component={Link}
            to={`/keys/${encodeURIComponent(profileId)}/${region}/${encodeURIComponent(keyId)}`}
          >
            Key details
          </Button>
        }
      />
      {detail.isLoading && <Skeleton h={400} />}
      {detail.error && <ErrorAlert error={toSerialized(detail.error)} />}
      {policy && !policy.ok && <ErrorAlert error={policy.error} />}
      {metadata && policy?.ok && (
        <KeyPolicyEditor
          key={metadata.arn}
          profileId={profileId}
          region={region}
          keyId={keyId}
          accountId={metadata.accountId}
          keyArn={metadata.arn}
          document={policy.value.document}
        />
      )}
    </Stack>
  );
}
