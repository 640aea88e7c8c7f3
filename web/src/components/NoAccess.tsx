import { Link } from '../router';

export function NoAccess() {
  return (
    <section class="page">
      <h1>Not available</h1>
      <div class="panel">
        <p>Your role does not give access to this page.</p>
        <p>
          <Link href="/">Back to the start page</Link>
        </p>
      </div>
    </section>
  );
}
