import { Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { PageLoader } from './components/PageLoader/PageLoader';
import { landing } from './landing';
import { lazyNamed } from './lazy-named';
import { detailRoutes, navItems } from './navigation';

const CreateKeyPage = lazyNamed(() => import('./pages/CreateKey.page'), 'CreateKeyPage');
const NotFoundPage = lazyNamed(() => import('./pages/NotFound.page'), 'NotFoundPage');

export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Routes>
        <Route path="/" element={<Navigate to={landing.path} replace />} />
        <Route path="/keys/new" element={<CreateKeyPage />} />
        {navItems.map(({ path, page: Page }) => (
          <Route key={path} path={path} element={<Page />} />
        ))}
        {detailRoutes.map(({ path, page: Page }) => (
          <Route key={path} path={path} element={<Page />} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
