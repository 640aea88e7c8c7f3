import type { ComponentChildren } from 'preact';

/** The centred card used by the sign-in and first-run pages. */
export function AuthLayout({ title, intro, children }: { title: string; intro?: string; children: ComponentChildren }) {
  return (
    <main class="auth">
      <div class="auth__card">
        <p class="auth__brand" aria-hidden="true">
          <span class="auth__logo">+</span> rxtrack
        </p>
        <h1>{title}</h1>
        {intro && <p class="auth__intro">{intro}</p>}
        {children}
      </div>
    </main>
  );
}
