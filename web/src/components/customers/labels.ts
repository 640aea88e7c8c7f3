// Words shown for customer categories.

import type { CustomerCategory } from '../../api';

export const CATEGORY_LABELS: Record<CustomerCategory, string> = {
  contact_sheet: 'Contact sheet',
  first_time_prescription: 'First-time prescription',
  regular_branded: 'Regular (branded)',
  generic_informed: 'Generic-informed',
};

export const GENDERS: readonly { value: string; label: string }[] = [
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'other', label: 'Other' },
];
