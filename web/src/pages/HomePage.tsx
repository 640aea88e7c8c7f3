import { RefillsDueLink } from '../components/refills/RefillsDueLink';
import { useSession } from '../session';

export function HomePage() {
  const { me, shop } = useSession();
  return (
    <section class="page">
      <h1>Home</h1>
      <div class="panel">
        <p>
          Welcome, <strong>{me.name}</strong>
          {shop ? <> — {shop.name}</> : null}.
        </p>
        <p class="muted">Today's work, refills due and follow-ups will appear here.</p>
      </div>
      <RefillsDueLink />
    </section>
  );
}
