import { Navigate, Route, Routes } from 'react-router';
import { AmisPage } from './pages/Amis.page';
import { AuditPage } from './pages/Audit.page';
import { KeysPage } from './pages/Keys.page';
import { NotFoundPage } from './pages/NotFound.page';
import { ProfilesPage } from './pages/Profiles.page';
import { SettingsPage } from './pages/Settings.page';
import { SnapshotsPage } from './pages/Snapshots.page';
import { WorkbenchPage } from './pages/Workbench.page';

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<Navigate to="/keys" replace />} />
      <Route path="/keys" element={<KeysPage />} />
      <Route path="/snapshots" element={<SnapshotsPage />} />
      <Route path="/amis" element={<AmisPage />} />
      <Route path="/audit" element={<AuditPage />} />
      <Route path="/workbench" element={<WorkbenchPage />} />
      <Route path="/profiles" element={<ProfilesPage />} />
      <Route path="/settings" element={<SettingsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
