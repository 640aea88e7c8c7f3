import { TextField } from './TextField';

interface FilterSearchProps {
  value: string;
  onValue: (value: string) => void;
  /** Called with the trimmed text when the search is submitted. */
  onSearch: (q: string) => void;
}

/** The phone-or-name search box at the head of a filter bar. */
export function FilterSearch({ value, onValue, onSearch }: FilterSearchProps) {
  return (
    <form
      class="filters__search"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(value.trim());
      }}
    >
      <TextField label="Search phone or name" name="q" type="search" value={value} onValue={onValue} hint="Digits of the phone number or part of the name." noOptionalMark />
      <button type="submit" class="btn">
        Search
      </button>
    </form>
  );
}

/** The button under the folded filters that clears them all. */
export function ClearFiltersButton({ onClear }: { onClear: () => void }) {
  return (
    <button type="button" class="btn btn--small" onClick={onClear}>
      Clear filters
    </button>
  );
}
