import { useState } from 'preact/hooks';
import { roleLabel } from '../format';
import { useSession } from '../session';

interface HeaderProps {
  menuOpen: boolean;
  onToggleMenu: () => void;
}

export function Header({ menuOpen, onToggleMenu }: HeaderProps) {
  const { me, shop, signOut } = useSession();
  const [busy, setBusy] = useState(false);
  const onSignOut = async () => {
    setBusy(true);
    try {
      await signOut();
    } finally {
      setBusy(false);
    }
  };
  return (
    <header class="topbar">
      <button
        type="button"
        class="topbar__menu btn btn--ghost"
        aria-expanded={menuOpen}
        aria-controls="main-nav"
        onClick={onToggleMenu}
      >
        <span class="topbar__menu-icon" aria-hidden="true" />
        <span class="topbar__menu-text">Menu</span>
      </button>
      <div class="topbar__titles">
        <p class="topbar__shop">{shop?.name ?? 'rxtrack'}</p>
        <p class="topbar__user">
          <span class="topbar__name">{me.name}</span> <span class="badge">{roleLabel(me.role)}</span>
        </p>
      </div>
      <button type="button" class="btn btn--ghost topbar__signout" onClick={onSignOut} disabled={busy}>
        Sign out
      </button>
    </header>
  );
}
