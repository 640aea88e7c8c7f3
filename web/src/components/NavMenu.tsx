import { ACCOUNT_NAV, NAV, allowed, isActive } from '../nav';
import type { NavEntry } from '../nav';
import { Link } from '../router';
import { useSession } from '../session';

interface NavMenuProps {
  path: string;
  open: boolean;
  onNavigate: () => void;
}

/** Collapsible menu on phones, a fixed side bar on wide screens (see layout.css). */
export function NavMenu({ path, open, onNavigate }: NavMenuProps) {
  const { me } = useSession();
  const entries = NAV.filter((e) => allowed(e, me.role));
  return (
    <nav id="main-nav" class={open ? 'sidenav sidenav--open' : 'sidenav'} aria-label="Main">
      <NavList entries={entries} path={path} onNavigate={onNavigate} />
      <p class="sidenav__heading">Account</p>
      <NavList entries={ACCOUNT_NAV} path={path} onNavigate={onNavigate} />
    </nav>
  );
}

interface NavListProps {
  entries: readonly NavEntry[];
  path: string;
  onNavigate: () => void;
}

/** One list of menu links; the one for the current page is marked active. */
function NavList({ entries, path, onNavigate }: NavListProps) {
  return (
    <ul class="sidenav__list">
      {entries.map((e) => (
        <li key={e.path}>
          <Link
            href={e.path}
            class={isActive(e.path, path) ? 'sidenav__link sidenav__link--active' : 'sidenav__link'}
            aria-current={isActive(e.path, path) ? 'page' : undefined}
            onNavigate={onNavigate}
          >
            {e.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
