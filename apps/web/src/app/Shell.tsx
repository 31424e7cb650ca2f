import { Anchor, AppShell, Badge, Button, Group, NavLink, Title } from '@mantine/core';
import {
  IconAddressBook,
  IconAlertTriangle,
  IconBook,
  IconShieldCheck,
  IconBriefcase,
  IconChartBar,
  IconFileInvoice,
  IconGavel,
  IconHourglass,
  IconHierarchy3,
  IconInbox,
  IconMailCheck,
  IconTemplate,
  IconListDetails,
  IconPhoneCall,
  IconSettings,
  IconUserCircle,
  IconUsers,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useLogout, useOpenExceptionCount } from '../api/queries';
import type { Principal } from '../api/types';
import { LanguageSwitch } from '../common/LanguageSwitch';
import { ApprovalsNavBadge } from '../approvals/ApprovalsNavBadge';

const NAV = [
  { to: '/dashboard', label: 'nav.dashboard', icon: IconChartBar, roles: ['admin', 'credit_manager'] },
  { to: '/invoices', label: 'nav.invoices', icon: IconFileInvoice, roles: ['admin', 'credit_manager'] },
  { to: '/customers', label: 'customerPage.nav', icon: IconAddressBook, roles: ['admin', 'credit_manager'] },
  { to: '/flows', label: 'nav.flows', icon: IconHierarchy3, roles: ['admin', 'credit_manager'] },
  { to: '/queue', label: 'nav.queue', icon: IconPhoneCall, roles: ['admin', 'collector', 'credit_manager'] },
  { to: '/outbox', label: 'nav.outbox', icon: IconInbox, roles: ['admin', 'credit_manager'] },
  { to: '/approvals', label: 'approvals.nav', icon: IconMailCheck, roles: ['admin', 'credit_manager'] },
  { to: '/templates', label: 'templates.nav', icon: IconTemplate, roles: ['admin', 'credit_manager'] },
  { to: '/exceptions', label: 'nav.exceptions', icon: IconAlertTriangle, roles: ['admin', 'credit_manager'] },
  { to: '/books', label: 'nav.books', icon: IconBook, roles: ['admin', 'credit_manager'] },
  { to: '/legal-cases', label: 'legalCases.nav', icon: IconGavel, roles: ['admin', 'credit_manager'] },
  { to: '/claim-age', label: 'legalClaims.reportTitle', icon: IconHourglass, roles: ['admin', 'credit_manager'] },
  { to: '/insurance', label: 'insurance.title', icon: IconShieldCheck, roles: ['admin', 'credit_manager'] },
  { to: '/settings', label: 'nav.settings', icon: IconSettings, roles: ['admin', 'credit_manager'] },
  { to: '/cases', label: 'nav.cases', icon: IconBriefcase, roles: ['agency'] },
  { to: '/users', label: 'nav.users', icon: IconUsers, roles: ['admin'] },
  { to: '/audit', label: 'nav.audit', icon: IconListDetails, roles: ['admin'] },
  { to: '/account', label: 'nav.account', icon: IconUserCircle, roles: ['admin', 'credit_manager', 'collector', 'agency'] },
] as const;

/** The frame around every screen: navigation for the user's role, language, sign-out. */
export function Shell({ principal, children }: { principal: Principal; children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const logout = useLogout();
  // The open exceptions' count beside their entry: one row fetched, the total read.
  const openExceptions = useOpenExceptionCount(principal.role === 'admin' || principal.role === 'credit_manager');
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 210, breakpoint: 'sm' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={4}>{t('app.title')}</Title>
          <Group>
            <Anchor component={Link} to="/account" size="sm" c="dimmed" data-testid="account-link">
              {principal.email ?? principal.role}
            </Anchor>
            <LanguageSwitch />
            <Button size="xs" variant="subtle" onClick={() => logout.mutate()}>
              {t('app.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('access.mainMenu')}>
        {NAV.filter((item) => (item.roles as readonly string[]).includes(principal.role)).map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.label)}
            leftSection={<item.icon size={18} />}
            rightSection={
              item.to === '/exceptions' && openExceptions.data ? (
                <Badge
                  size="sm"
                  color="orange"
                  circle={openExceptions.data < 10}
                  aria-label={t('nav.openExceptions', { count: openExceptions.data })}
                  data-testid="open-exceptions"
                >
                  {openExceptions.data}
                </Badge>
              ) : item.to === '/approvals' ? (
                <ApprovalsNavBadge />
              ) : undefined
            }
            active={location.pathname.startsWith(item.to)}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
