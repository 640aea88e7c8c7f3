import { useState } from 'preact/hooks';
import type { BillAnswer } from '../api';
import { BillConfirmation } from '../components/billing/BillConfirmation';
import { BillForm } from '../components/billing/BillForm';

/** The counter: one bill at a time; after saving, the confirmation above a fresh form. */
export function BillingPage() {
  const [saved, setSaved] = useState<BillAnswer | null>(null);
  const [round, setRound] = useState(0);
  return (
    <section class="page bill-page">
      <h1>Billing</h1>
      {saved && <BillConfirmation answer={saved} />}
      <BillForm
        key={round}
        focusPhone={round === 0}
        onSaved={(answer) => {
          setSaved(answer);
          setRound((n) => n + 1);
          window.scrollTo(0, 0);
        }}
      />
    </section>
  );
}
