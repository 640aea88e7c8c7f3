import { useId } from 'preact/hooks';
import type { FieldErrors, PreviewColumn, SheetChoice, UploadPreview } from '../../api';
import { formatCount } from '../../datetime';

const columnText = (c: PreviewColumn) => (c.header === `Column ${c.letter}` ? c.header : `${c.letter} · ${c.header}`);

/** Which field of the choice changed: the sheet starts afresh, the rest keep what was chosen. */
export function changeChoice(choice: SheetChoice, change: SheetChoice): SheetChoice {
  if (change.sheet !== undefined) return { sheet: change.sheet };
  return { ...choice, ...change };
}

interface Props {
  preview: UploadPreview;
  busy: boolean;
  fieldErrors: FieldErrors;
  onChange: (change: SheetChoice) => void;
}

/**
 * A sheet as the import would read it: pickers for the sheet, header row and the phone and name
 * columns (changing one reads the sheet again), the first rows with each phone's normalised form
 * or why it is invalid, and what an import would count.
 */
export function UploadPreviewPanel({ preview, busy, fieldErrors, onChange }: Props) {
  const id = useId();
  const p = preview;
  const fieldClass = (name: string) => (fieldErrors[name] ? 'field field--invalid' : 'field');
  const error = (name: string) =>
    fieldErrors[name] ? (
      <p class="field__error" id={`${id}-${name}-error`}>
        {fieldErrors[name]}
      </p>
    ) : null;

  return (
    <section class="upload-preview" aria-labelledby={`${id}-title`} aria-busy={busy}>
      <h3 id={`${id}-title`}>Preview: {p.file_name}</h3>
      {p.saved_mapping?.applied && (
        <p class="muted">Read as you chose for this kind of sheet on {p.saved_mapping.updated_at.slice(0, 10)}.</p>
      )}
      <div class="upload-preview__pickers">
        {p.sheets.length > 1 && (
          <div class={fieldClass('sheet')}>
            <label for={`${id}-sheet`}>Sheet</label>
            <select
              id={`${id}-sheet`}
              disabled={busy}
              value={p.sheet ? String(p.sheet.index) : ''}
              onChange={(e) => onChange({ sheet: e.currentTarget.value })}
            >
              {p.sheets.map((s) => (
                <option key={s.index} value={String(s.index)}>
                  {s.name}
                </option>
              ))}
            </select>
            {error('sheet')}
          </div>
        )}
        <div class={fieldClass('header_row')}>
          <label for={`${id}-header`}>Header row</label>
          <input
            id={`${id}-header`}
            type="number"
            inputMode="numeric"
            min={0}
            disabled={busy}
            value={p.header_row ?? 0}
            aria-describedby={`${id}-header-hint`}
            onChange={(e) => {
              const row = Number.parseInt(e.currentTarget.value, 10);
              if (Number.isFinite(row) && row >= 0) onChange({ header_row: row });
            }}
          />
          <p class="field__hint" id={`${id}-header-hint`}>
            0: the sheet has no header row.
          </p>
          {error('header_row')}
        </div>
        <div class={fieldClass('phone_column')}>
          <label for={`${id}-phone`}>Phone column</label>
          <select
            id={`${id}-phone`}
            disabled={busy}
            value={p.phone_column?.letter ?? ''}
            onChange={(e) => onChange({ phone_column: e.currentTarget.value })}
          >
            {!p.phone_column && <option value="">Choose the phone column</option>}
            {p.columns.map((c) => (
              <option key={c.letter} value={c.letter}>
                {columnText(c)}
              </option>
            ))}
          </select>
          {error('phone_column')}
        </div>
        <div class={fieldClass('name_column')}>
          <label for={`${id}-name`}>Name column</label>
          <select
            id={`${id}-name`}
            disabled={busy}
            value={p.name_column?.letter ?? 'none'}
            onChange={(e) => onChange({ name_column: e.currentTarget.value })}
          >
            <option value="none">No name column</option>
            {p.columns
              .filter((c) => c.letter !== p.phone_column?.letter)
              .map((c) => (
                <option key={c.letter} value={c.letter}>
                  {columnText(c)}
                </option>
              ))}
          </select>
          {error('name_column')}
        </div>
      </div>

      {p.counts && (
        <dl class="counts" aria-label="Would import">
          <div class="counts__item">
            <dt>Rows</dt>
            <dd>{formatCount(p.counts.total_rows)}</dd>
          </div>
          <div class="counts__item counts__item--ok">
            <dt>New</dt>
            <dd>{formatCount(p.counts.new)}</dd>
          </div>
          <div class="counts__item">
            <dt>Duplicates</dt>
            <dd>{formatCount(p.counts.duplicate)}</dd>
          </div>
          <div class="counts__item counts__item--bad">
            <dt>Invalid</dt>
            <dd>{formatCount(p.counts.invalid)}</dd>
          </div>
        </dl>
      )}

      <div class="table-wrap">
        <table class="table upload-preview__table">
          <caption>
            {p.rows.length > 0 ? `The first ${p.rows.length} rows as they would be read` : 'No data rows'}
          </caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Phone</th>
              <th scope="col">Read as</th>
              <th scope="col">Name</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr key={r.row} class={r.valid ? undefined : 'upload-preview__invalid'}>
                <td class="num">{r.row}</td>
                <td class="mono">{r.phone || <span class="muted">(empty)</span>}</td>
                <td>
                  {r.numbers.map((n) => (
                    <span key={n.e164} class="mono upload-preview__number">
                      {n.e164}
                    </span>
                  ))}
                  {r.problems.map((x, i) => (
                    <span key={i} class="upload-preview__reason">
                      {r.numbers.length > 0 ? `${x.value}: ` : ''}
                      {x.reason}
                    </span>
                  ))}
                  {!p.phone_column && <span class="muted">{r.cells.join(' · ')}</span>}
                </td>
                <td>{r.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
