// Which page component serves which path inside the signed-in frame.

import type { ComponentType } from 'preact';
import type { Role } from './api';
import { ACCOUNT_NAV, NAV } from './nav';
import { BillingPage } from './pages/BillingPage';
import { ContactPage } from './pages/ContactPage';
import { ContactsPage } from './pages/ContactsPage';
import { ContactUploadPage } from './pages/ContactUploadPage';
import { CustomerPage } from './pages/CustomerPage';
import { CustomersPage } from './pages/CustomersPage';
import { KeepReadyPage } from './pages/KeepReadyPage';
import { LazyDashboardPage } from './pages/LazyDashboardPage';
import { MessagesPage } from './pages/MessagesPage';
import { MessagingSettingsPage } from './pages/MessagingSettingsPage';
import { MyWorkPage } from './pages/MyWorkPage';
import { PasswordPage } from './pages/PasswordPage';
import { RefillsPage } from './pages/RefillsPage';
import { SettingsPage } from './pages/SettingsPage';
import { StaffPage } from './pages/StaffPage';

/** What a page gets: the `:name` parts of its path. */
export interface PageProps {
  params: Record<string, string>;
}

type Page = ComponentType<PageProps>;

const PAGES: Record<string, Page> = {
  '/dashboard': LazyDashboardPage,
  '/contacts': ContactsPage,
  '/my-work': MyWorkPage,
  '/billing': BillingPage,
  '/customers': CustomersPage,
  '/refills': RefillsPage,
  '/keep-ready': KeepReadyPage,
  '/messages': MessagesPage,
  '/staff': StaffPage,
  '/settings': SettingsPage,
  '/account/password': PasswordPage,
};

/** Paths with parts (`:id` matches digits only), tried after the exact ones, in order. */
const PATTERNS: { pattern: string; component: Page; title: string; roles?: readonly Role[] }[] = [
  { pattern: '/settings/messaging', component: MessagingSettingsPage, title: 'Messaging settings', roles: ['owner', 'manager'] },
  { pattern: '/contacts/upload', component: ContactUploadPage, title: 'Upload contacts', roles: ['owner', 'manager'] },
  { pattern: '/contacts/:id', component: ContactPage, title: 'Contact' },
  { pattern: '/customers/:id', component: CustomerPage, title: 'Customer' },
];

export interface RouteMatch {
  component: Page;
  title: string;
  roles?: readonly Role[] | undefined;
  params: Record<string, string>;
}

function matchPattern(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const have = path.split('/');
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const h = have[i]!;
    if (w.startsWith(':')) {
      if (!/^\d+$/.test(h)) return null;
      params[w.slice(1)] = h;
    } else if (w !== h) return null;
  }
  return params;
}

export function matchRoute(path: string): RouteMatch | null {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const component = PAGES[clean];
  if (component) {
    const entry = [...NAV, ...ACCOUNT_NAV].find((e) => e.path === clean);
    return { component, title: entry?.label ?? 'rxtrack', roles: entry?.roles, params: {} };
  }
  for (const p of PATTERNS) {
    const params = matchPattern(p.pattern, clean);
    if (params) return { component: p.component, title: p.title, roles: p.roles, params };
  }
  return null;
}
