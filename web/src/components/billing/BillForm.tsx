import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, createBill, type BillAnswer, type CustomerCategory, type FieldErrors } from '../../api';
import { focusFirstInvalid, formErrors, type FormErrors } from '../../forms';
import { useFieldErrors } from '../../useFieldErrors';
import { formatRupees } from '../../money';
import { useSession } from '../../session';
import { Alert } from '../Alert';
import { TextField } from '../TextField';
import { CategorySelect } from '../customers/CategorySelect';
import { ContactedQuestion } from './ContactedQuestion';
import { CustomerLookup } from './CustomerLookup';
import { DurationQuestion } from './DurationQuestion';
import { ItemList } from './ItemList';
import { NewCustomerProfile } from './NewCustomerProfile';
import { billRequest, checkDraft, draftTotal, emptyDraft, knownFields, rowsWithoutDays, screenFields, type BillDraft, type ItemDraft } from './billDraft';
import { useCustomerLookup } from './useCustomerLookup';

/** Each row field and the key its errors come under. */
const ITEM_FIELDS: readonly [keyof ItemDraft, string][] = [
  ['medicine', 'medicine'],
  ['quantity', 'quantity'],
  ['price', 'unit_price_paise'],
  ['days', 'duration_days'],
  ['generic', 'is_generic'],
];

/** The server's errors in screen terms: next to their fields, the rest in one message. */
function bannerAndFields(err: unknown, rows: number[], draft: BillDraft): FormErrors {
  if (!(err instanceof ApiError) || Object.keys(err.fields).length === 0) return formErrors(err, []);
  const mapped = screenFields(err.fields, rows);
  const known = knownFields(draft);
  const fields: FieldErrors = {};
  const others: string[] = [];
  for (const [k, v] of Object.entries(mapped)) {
    if (known.includes(k)) fields[k] = v;
    else others.push(`${k}: ${v}`);
  }
  return { fields, message: others.length ? `${err.message} (${others.join('; ')})` : null };
}

/** Phone first, then "contacted before?", category, name, medicines; Save bill or "Visited, did not buy". */
interface BillFormProps {
  onSaved: (answer: BillAnswer) => void;
  /** Put the cursor in the phone field at once (not after a save: the confirmation has it then). */
  focusPhone: boolean;
}

export function BillForm({ onSaved, focusPhone }: BillFormProps) {
  const { me } = useSession();
  const canBackDate = me.role === 'owner' || me.role === 'manager';
  const [draft, setDraft] = useState<BillDraft>(emptyDraft);
  // Known fields depend on the rows on screen: server errors are mapped by bannerAndFields.
  const { errors, invalid, clear: clearErrors, setErrors } = useFieldErrors([]);
  const [busy, setBusy] = useState<'bill' | 'visit' | null>(null);
  /** Rows asked "How many days will this last?"; asked once per bill. */
  const [question, setQuestion] = useState<number[] | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const set = (changes: Partial<BillDraft>) => setDraft((d) => ({ ...d, ...changes }));
  /** A field's error goes once it is edited. */
  const clear = (...keys: string[]) =>
    setErrors((e) => (keys.some((k) => k in e.fields) ? { ...e, fields: Object.fromEntries(Object.entries(e.fields).filter(([k]) => !keys.includes(k))) } : e));
  /** The change handler of one draft field: sets it and drops the errors under `errorKeys`. */
  const edit =
    <K extends keyof BillDraft>(key: K, ...errorKeys: string[]) =>
    (value: BillDraft[K]) => {
      set({ [key]: value } as Pick<BillDraft, K>);
      clear(...errorKeys);
    };

  const lookup = useCustomerLookup(draft.phone);
  const found = lookup.kind === 'found' ? lookup.customer : null;
  const isNew = lookup.kind === 'new';
  const firstBill = isNew || (found !== null && found.visit_count === 0);

  // A known customer: fill in their category and name; forget them when the number changes.
  const filled = useRef<{ category: CustomerCategory; name: string } | null>(null);
  useEffect(() => {
    if (found) {
      const name = found.name ?? '';
      filled.current = { category: found.category, name };
      setDraft((d) => ({ ...d, category: found.category, name: d.name.trim() ? d.name : name }));
    } else if (filled.current) {
      const was = filled.current;
      filled.current = null;
      setDraft((d) => ({ ...d, category: d.category === was.category ? '' : d.category, name: d.name === was.name ? '' : d.name }));
    }
  }, [found?.id]);

  // Contacted before and a first bill: the customer came from the contact sheet.
  const autoFrom = useRef<CustomerCategory | '' | null>(null);
  useEffect(() => {
    if (draft.contacted === 'yes' && firstBill) {
      setDraft((d) => {
        if (d.category === 'contact_sheet') return d;
        autoFrom.current = d.category;
        return { ...d, category: 'contact_sheet' };
      });
    } else if (autoFrom.current !== null) {
      const back = autoFrom.current;
      autoFrom.current = null;
      setDraft((d) => (d.category === 'contact_sheet' ? { ...d, category: back } : d));
    }
  }, [draft.contacted, firstBill, found?.id]);

  useEffect(() => {
    if (focusPhone) formRef.current?.querySelector<HTMLInputElement>('input[name="customer.phone"]')?.focus();
  }, []);

  const setItems = (items: ItemDraft[]) => {
    if (items.length !== draft.items.length) {
      // Rows moved: errors keyed by row no longer line up.
      setErrors((e) => ({ ...e, fields: Object.fromEntries(Object.entries(e.fields).filter(([k]) => !k.startsWith('items'))) }));
    } else {
      const edited: string[] = ['items'];
      items.forEach((item, i) => {
        const was = draft.items[i]!;
        for (const [field, key] of ITEM_FIELDS) if (item[field] !== was[field]) edited.push(`items[${i}].${key}`);
      });
      clear(...edited);
    }
    set({ items });
  };

  /** `skip`: the answer to the duration question was skipped for every row it asked about. */
  const save = async (visitOnly: boolean, skip = false) => {
    const form = formRef.current;
    const ctx = { isNew, firstBill, visitOnly, durationAsked: question !== null };
    let d = draft;
    if (skip && question) {
      d = { ...draft, items: draft.items.map((item, i) => (question.includes(i) ? { ...item, days: '' } : item)) };
      setDraft(d);
    }
    const problems = checkDraft(d, ctx);
    if (Object.keys(problems).length) {
      invalid(problems, form);
      return;
    }
    if (!visitOnly && question === null) {
      const missing = rowsWithoutDays(d);
      if (missing.length) {
        setQuestion(missing);
        return;
      }
    }
    const { body, rows } = billRequest(d, ctx, canBackDate);
    setBusy(visitOnly ? 'visit' : 'bill');
    clearErrors();
    try {
      onSaved(await createBill(body));
    } catch (err) {
      setErrors(bannerAndFields(err, rows, draft));
      focusFirstInvalid(form);
    } finally {
      setBusy(null);
    }
  };

  const total = draftTotal(draft.items);
  const categoryHint =
    draft.contacted === 'yes' && firstBill
      ? 'A first bill after our contact counts as Contact sheet.'
      : found
        ? 'From the customer’s record; a change here updates it.'
        : undefined;

  return (
    <form
      ref={formRef}
      class="form bill-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save(false);
      }}
      noValidate
      aria-label="New bill"
    >
      {errors.message && <Alert>{errors.message}</Alert>}
      <section class="panel form" aria-labelledby="bill-customer-title">
        <h2 id="bill-customer-title">Customer</h2>
        <div>
          <TextField
            label="Phone number"
            name="customer.phone"
            type="tel"
            inputMode="tel"
            autoComplete="off"
            value={draft.phone}
            onValue={edit('phone', 'customer.phone')}
            error={errors.fields['customer.phone']}
            required
            maxLength={40}
          />
          <CustomerLookup lookup={lookup} />
        </div>
        <ContactedQuestion value={draft.contacted} onValue={edit('contacted', 'was_contacted_before', 'customer_category')} error={errors.fields.was_contacted_before} />
        <CategorySelect
          value={draft.category}
          onValue={(category) => {
            autoFrom.current = null;
            set({ category });
            clear('customer_category');
          }}
          error={errors.fields.customer_category}
          empty={found ? undefined : 'Choose…'}
          {...(categoryHint ? { hint: categoryHint } : {})}
        />
        <TextField label="Name" name="customer.name" value={draft.name} onValue={edit('name', 'customer.name')} error={errors.fields['customer.name']} maxLength={200} autoComplete="off" />
        {isNew && (
          <NewCustomerProfile
            profile={draft.profile}
            errors={errors.fields}
            onProfile={(profile, edited) => {
              set({ profile });
              clear(edited);
            }}
          />
        )}
        <div class="bill-form__visit">
          <button type="button" class="btn btn--yellow" onClick={() => void save(true)} disabled={busy !== null}>
            {busy === 'visit' ? 'Saving…' : 'Visited, did not buy'}
          </button>
          <p class="field__hint">Records the visit without medicines.</p>
        </div>
      </section>

      <div class="panel">
        <ItemList items={draft.items} errors={errors.fields} onItems={setItems} />
      </div>

      <details class="panel bill-form__more" open={!!(errors.fields.billed_at || errors.fields.notes)}>
        <summary>{canBackDate ? 'Bill date and notes' : 'Notes'}</summary>
        <div class="form">
          {canBackDate && (
            <TextField
              label="Bill date and time"
              name="billed_at"
              type="datetime-local"
              value={draft.billedAt}
              onValue={edit('billedAt', 'billed_at')}
              error={errors.fields.billed_at}
              hint="For entering an older bill. Shop time; leave empty for now."
            />
          )}
          <TextField label="Bill notes" name="notes" value={draft.notes} onValue={edit('notes', 'notes')} error={errors.fields.notes} maxLength={2000} />
        </div>
      </details>

      {question && (
        <DurationQuestion
          items={draft.items}
          rows={question}
          onDays={(row, days) => setItems(draft.items.map((item, i) => (i === row ? { ...item, days } : item)))}
          onSave={() => void save(false)}
          onSkip={() => void save(false, true)}
          busy={busy !== null}
        />
      )}

      <div class="bill-bar">
        <p class="bill-bar__total">
          <span class="bill-bar__label">Total</span> <strong>{formatRupees(total)}</strong>
        </p>
        <button type="submit" class="btn btn--primary" disabled={busy !== null}>
          {busy === 'bill' ? 'Saving…' : 'Save bill'}
        </button>
      </div>
    </form>
  );
}
