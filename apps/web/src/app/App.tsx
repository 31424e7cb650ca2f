import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { LoginPage } from '../auth/LoginPage';
import { useMe } from '../api/queries';
import { isSessionLost, leaveSession } from '../api/session';
import { Shell } from './Shell';
import { cssVariablesResolver, theme } from '../common/theme';

// One chunk per page: a collector's first screen does not load the editor, the charts or the admin screens.
const AccountPage = lazy(() => import('../account/AccountPage').then((m) => ({ default: m.AccountPage })));
const AuditLogPage = lazy(() => import('../admin/AuditLogPage').then((m) => ({ default: m.AuditLogPage })));
const UsersPage = lazy(() => import('../admin/UsersPage').then((m) => ({ default: m.UsersPage })));
const AgencyPortalPage = lazy(() => import('../agency/AgencyPortalPage').then((m) => ({ default: m.AgencyPortalPage })));
const BooksPage = lazy(() => import('../books/BooksPage').then((m) => ({ default: m.BooksPage })));
const InsurancePage = lazy(() => import('../insurance/InsurancePage').then((m) => ({ default: m.InsurancePage })));
const LegalCasesPage = lazy(() => import('../legal-cases/LegalCasesPage').then((m) => ({ default: m.LegalCasesPage })));
const CustomersPage = lazy(() => import('../customers/CustomersPage').then((m) => ({ default: m.CustomersPage })));
const CustomerPage = lazy(() => import('../customers/CustomerPage').then((m) => ({ default: m.CustomerPage })));
const ClaimAgeReportPage = lazy(() => import('../claims/ClaimAgeReportPage').then((m) => ({ default: m.ClaimAgeReportPage })));
const DashboardPage = lazy(() => import('../dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const ExceptionsPage = lazy(() => import('../exceptions/ExceptionsPage').then((m) => ({ default: m.ExceptionsPage })));
const FlowEditorPage = lazy(() => import('../flows/FlowEditorPage').then((m) => ({ default: m.FlowEditorPage })));
const ApprovalQueuePage = lazy(() => import('../approvals/ApprovalQueuePage').then((m) => ({ default: m.ApprovalQueuePage })));
const ExperimentsPage = lazy(() => import('../experiments/ExperimentsPage').then((m) => ({ default: m.ExperimentsPage })));
const ExperimentReportPage = lazy(() => import('../experiments/ExperimentReportPage').then((m) => ({ default: m.ExperimentReportPage })));
const FlowsPage = lazy(() => import('../flows/FlowsPage').then((m) => ({ default: m.FlowsPage })));
const InvoiceDetailPage = lazy(() => import('../invoices/InvoiceDetailPage').then((m) => ({ default: m.InvoiceDetailPage })));
const InvoicesPage = lazy(() => import('../invoices/InvoicesPage').then((m) => ({ default: m.InvoicesPage })));
const OutboxPage = lazy(() => import('../outbox/OutboxPage').then((m) => ({ default: m.OutboxPage })));
const SettingsPage = lazy(() => import('../settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const TemplatesPage = lazy(() => import('../templates/TemplatesPage').then((m) => ({ default: m.TemplatesPage })));
const TemplateEditorPage = lazy(() => import('../templates/TemplateEditorPage').then((m) => ({ default: m.TemplateEditorPage })));
const TaskQueuePage = lazy(() => import('../tasks/TaskQueuePage').then((m) => ({ default: m.TaskQueuePage })));

// networkMode "always": the API is the page's own origin, so the browser's online flag is no signal
// (headless and kiosk browsers may report offline); a real outage fails the request and is shown.
// A 401 on any screen means the session is gone: leave for the sign-in page instead of polling on.
const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => isSessionLost(error, query.queryKey) && leaveSession(queryClient) }),
  defaultOptions: { queries: { staleTime: 2000, refetchOnWindowFocus: false, refetchOnMount: 'always', networkMode: 'always' }, mutations: { networkMode: 'always' } },
});

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
      <Suspense fallback={null}>
        <Routes>
          <Route path="/" element={<Navigate to={home(me.data.role)} replace />} />
          <Route path="/dashboard" element={<DashboardPage />} />
          <Route path="/invoices" element={<InvoicesPage />} />
          <Route path="/invoices/:id" element={<InvoiceDetailPage />} />
          <Route path="/customers" element={<CustomersPage />} />
          <Route path="/customers/:id" element={<CustomerPage />} />
          <Route path="/flows" element={<FlowsPage />} />
          <Route path="/flows/experiments" element={<ExperimentsPage />} />
          <Route path="/flows/experiments/:id" element={<ExperimentReportPage />} />
          <Route path="/flows/:id" element={<FlowEditorPage />} />
          <Route path="/queue" element={<TaskQueuePage />} />
          <Route path="/outbox" element={<OutboxPage />} />
          <Route path="/approvals" element={<ApprovalQueuePage />} />
          <Route path="/templates" element={<TemplatesPage />} />
          <Route path="/templates/:channel/:name" element={<TemplateEditorPage />} />
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
      </Suspense>
    </Shell>
  );
}

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Routed />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
