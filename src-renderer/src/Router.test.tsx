import { screen } from '@testing-library/react';
import { Suspense, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { PageLoader } from './components/PageLoader/PageLoader';
import { landing } from './landing';
import { lazyNamed } from './lazy-named';
import { navItems } from './navigation';
import { AppRoutes } from './Router';
import { createMockBridge } from './test-utils/mock-bridge';
import { render } from './test-utils/render';

// A page's first import transforms its whole module graph, which can take seconds on a busy machine.
const pageHeading = (name: string) =>
  screen.findByRole('heading', { level: 1, name }, { timeout: 10_000 });

describe('AppRoutes', () => {
  it.each(navItems.map((item) => [item.path, item.label]))(
    'renders the page of the navigation item at %s',
    async (path, label) => {
      render(<AppRoutes />, createMockBridge().bridge, path);
      expect(await pageHeading(label)).toBeInTheDocument();
    },
  );

  it('shows a labelled loader until a lazy module arrives, then its named export', async () => {
    let arrive: (module: { Late: () => ReactNode }) => void = () => undefined;
    const Late = lazyNamed(
      () => new Promise<{ Late: () => ReactNode }>((resolve) => (arrive = resolve)),
      'Late',
    );
    render(
      <Suspense fallback={<PageLoader />}>
        <Late />
      </Suspense>,
      createMockBridge().bridge,
    );
    expect(screen.getByRole('status', { name: 'Loading page' })).toBeInTheDocument();
    arrive({ Late: () => <h1>Arrived</h1> });
    expect(await pageHeading('Arrived')).toBeInTheDocument();
    expect(screen.queryByRole('status', { name: 'Loading page' })).not.toBeInTheDocument();
  });

  it('opens Profiles at the root and says so for an unknown address', async () => {
    expect(landing.path).toBe('/profiles');
    expect(navItems.find((item) => item.path === landing.path)?.label).toBe(landing.label);
    const { unmount, router } = render(<AppRoutes />, createMockBridge().bridge, '/');
    expect(await pageHeading('Profiles')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/profiles');
    unmount();
    render(<AppRoutes />, createMockBridge().bridge, '/nowhere');
    expect(await screen.findByText('No such page')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to Profiles' })).toHaveAttribute(
      'href',
      '/profiles',
    );
  });
});
