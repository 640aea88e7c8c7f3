import { Link } from '../router';

export function NotFoundPage() {
  return (
    <section class="page">
      <h1>Page not found</h1>
      <div class="panel">
        <p>There is nothing at this address.</p>
        <p>
          <Link href="/">Go to the start page</Link>
        </p>
      </div>
    </section>
  );
}
