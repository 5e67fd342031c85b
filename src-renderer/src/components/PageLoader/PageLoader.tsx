import { Center, Loader } from '@mantine/core';

/** Shown while a page's code arrives; usually for a frame or two. */
export function PageLoader() {
  return (
    <Center mih={240} role="status" aria-label="Loading page">
      <Loader />
    </Center>
  );
}
