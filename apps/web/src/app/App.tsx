import { MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AccountPage } from '../account/AccountPage';
import { AuditLogPage } from '../admin/AuditLogPage';
import { UsersPage } from '../admin/UsersPage';
import { AgencyPortalPage } from '../agency/AgencyPortalPage';
import { LoginPage } from '../auth/LoginPage';
import { useMe } from '../api/queries';
import { BooksPage } from '../books/BooksPage';
import { InsurancePage } from '../insurance/InsurancePage';
import { LegalCasesPage } from '../legal-cases/LegalCasesPage';
import { ClaimAgeReportPage } from '../claims/ClaimAgeReportPage';
import { DashboardPage } from '../dashboard/DashboardPage';
import { ExceptionsPage } from '../exceptions/ExceptionsPage';
import { FlowEditorPage } from '../flows/FlowEditorPage';
import { FlowsPage } from '../flows/FlowsPage';
import { InvoiceDetailPage } from '../invoices/InvoiceDetailPage';
import { InvoicesPage } from '../invoices/InvoicesPage';
import { OutboxPage } from '../outbox/OutboxPage';
import { SettingsPage } from '../settings/SettingsPage';
import { TaskQueuePage } from '../tasks/TaskQueuePage';
import { Shell } from './Shell';

// networkMode "always": the API is the page's own origin, so the browser's online flag is no signal
// (headless and kiosk browsers may report offline); a real outage fails the request and is shown.
const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 2000, refetchOnWindowFocus: false, refetchOnMount: 'always', networkMode: 'always' }, mutations: { networkMode: 'always' } },
});
const theme = createTheme({ primaryColor: 'indigo', defaultRadius: 'md' });

/** Each kind of user lands where they work: managers on the dashboard, collectors on the queue, agencies on their cases. */
function home(role: string): string {
  if (role === 'collector') return '/queue';
  if (role === 'agency') return '/cases';
  return '/dashboard';
}

function Routed() {
  const me = useMe();
  if (me.isLoading) return null;
  if (!me.data) return <LoginPage />;
  return (
    <Shell principal={me.data}>
      <Routes>
        <Route path="/" element={<Navigate to={home(me.data.role)} replace />} />
        <Route path="/dashboard" element={<DashboardPage />} />
        <Route path="/invoices" element={<InvoicesPage />} />
        <Route path="/invoices/:id" element={<InvoiceDetailPage />} />
        <Route path="/flows" element={<FlowsPage />} />
        <Route path="/flows/:id" element={<FlowEditorPage />} />
        <Route path="/queue" element={<TaskQueuePage />} />
        <Route path="/outbox" element={<OutboxPage />} />
        <Route path="/cases" element={<AgencyPortalPage />} />
        <Route path="/exceptions" element={<ExceptionsPage />} />
        <Route path="/settings" element={<SettingsPage />} />
        <Route path="/books" element={<BooksPage />} />
        <Route path="/insurance" element={<InsurancePage />} />
        <Route path="/legal-cases" element={<LegalCasesPage />} />
        <Route path="/claim-age" element={<ClaimAgeReportPage />} />
        <Route path="/account" element={<AccountPage principal={me.data} />} />
        {/* The API refuses them to anyone else; the screens are not offered either. */}
        {me.data.role === 'admin' && <Route path="/users" element={<UsersPage />} />}
        {me.data.role === 'admin' && <Route path="/audit" element={<AuditLogPage />} />}
        <Route path="*" element={<Navigate to={home(me.data.role)} replace />} />
      </Routes>
    </Shell>
  );
}

export function App() {
  return (
    <MantineProvider theme={theme}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Routed />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
