import type { ComponentChildren } from 'preact';

interface AlertProps {
  kind?: 'error' | 'success' | 'info';
  children: ComponentChildren;
}

/** A message box; errors are announced at once (role=alert), others politely. */
export function Alert({ kind = 'error', children }: AlertProps) {
  return (
    <div class={`alert alert--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
