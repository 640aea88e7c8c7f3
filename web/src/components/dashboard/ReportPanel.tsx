import type { ComponentChildren } from 'preact';
import { Alert } from '../Alert';
import { Loading } from '../Loading';
import type { Loaded } from './useReport';

interface ReportPanelProps<T> {
  id: string;
  title: string;
  /** Shown beside the title (download links). */
  actions?: ComponentChildren;
  loaded: Loaded<T>;
  /** Spans both columns on wide screens. */
  wide?: boolean;
  children: (data: T) => ComponentChildren;
}

/** A titled panel showing one report once it has loaded, or why it has not. */
export function ReportPanel<T>({ id, title, actions, loaded, wide = false, children }: ReportPanelProps<T>) {
  return (
    <section class={wide ? 'panel report report--wide' : 'panel report'} aria-labelledby={id}>
      <div class="report__head">
        <h2 id={id}>{title}</h2>
        {actions}
      </div>
      {loaded.error && <Alert>{loaded.error}</Alert>}
      {!loaded.data && !loaded.error && <Loading />}
      {loaded.data && children(loaded.data)}
    </section>
  );
}
