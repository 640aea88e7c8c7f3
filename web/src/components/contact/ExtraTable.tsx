/** The sheet's other columns for this contact. */
export function ExtraTable({ extra }: { extra: Record<string, string> }) {
  const rows = Object.entries(extra).filter(([, v]) => v !== null && v !== undefined && String(v).trim() !== '');
  if (rows.length === 0) return <p class="muted">The sheet had no other columns for this contact.</p>;
  return (
    <div class="table-wrap">
      <table class="table table--facts">
        <caption class="visually-hidden">Other columns from the sheet</caption>
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td>{String(v)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
