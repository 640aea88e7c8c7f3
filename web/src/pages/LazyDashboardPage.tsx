import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Alert } from '../components/Alert';
import { Loading } from '../components/Loading';
import type { PageProps } from '../routes';

/** The dashboard and Chart.js load only when opened (staff at the counter never fetch them). */
export function LazyDashboardPage(props: PageProps) {
  const [Page, setPage] = useState<ComponentType<PageProps> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    import('./DashboardPage').then(
      (m) => live && setPage(() => m.DashboardPage),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);
  if (failed) {
    return (
      <section class="page">
        <h1>Dashboard</h1>
        <Alert>Could not load the dashboard. Check the connection and reload the page.</Alert>
      </section>
    );
  }
  return Page ? <Page {...props} /> : <Loading />;
}
