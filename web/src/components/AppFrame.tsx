import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Header } from './Header';
import { NavMenu } from './NavMenu';

/** Header + navigation + the current page. */
export function AppFrame({ path, children }: { path: string; children: ComponentChildren }) {
  const [menuOpen, setMenuOpen] = useState(false);
  // Close the phone menu whenever the page changes.
  useEffect(() => setMenuOpen(false), [path]);
  return (
    <div class="frame">
      <a class="skip-link" href="#content">
        Skip to content
      </a>
      <Header menuOpen={menuOpen} onToggleMenu={() => setMenuOpen((o) => !o)} />
      <div class="frame__body">
        <NavMenu path={path} open={menuOpen} onNavigate={() => setMenuOpen(false)} />
        <main id="content" class="frame__main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
