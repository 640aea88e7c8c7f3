import type { Shop } from '../../api';
import { SelectField } from '../SelectField';

export type OutreachApproval = Shop['outreach_approval'];

/** The shop's `outreach_approval`: send reminders at once, or hold each day's for a manager's look. */
export function OutreachApprovalField(p: { value: OutreachApproval; onValue: (v: OutreachApproval) => void; error?: string | undefined }) {
  return (
    <SelectField
      label="Reminder messages"
      name="outreach_approval"
      value={p.value}
      onValue={(v) => p.onValue(v as OutreachApproval)}
      error={p.error}
      hint="Review: each day's WhatsApp/SMS reminders wait on the Messages page for a manager to approve; any not approved by the end of the send window go to the call list."
    >
      <option value="automatic">Send automatically</option>
      <option value="review">Review before sending</option>
    </SelectField>
  );
}
