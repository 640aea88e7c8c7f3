/** Placeholder panel for areas that later work will build. */
export function ComingSoon({ title, blurb }: { title: string; blurb: string }) {
  return (
    <section class="page">
      <h1>{title}</h1>
      <div class="panel panel--muted">
        <p class="panel__tag">Coming soon</p>
        <p>{blurb}</p>
      </div>
    </section>
  );
}
