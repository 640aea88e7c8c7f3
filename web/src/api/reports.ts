// The reports (`/api/customer-tracking/reports/…`, owners and managers only): typed JSON
// answers, and the addresses of their CSV / XLSX downloads (the session cookie goes with a
// plain link, so a download is an <a href download>). Money is integer paise; percentages are
// numbers with two decimals; dates are shop-local `YYYY-MM-DD`.

import { TRACKING } from './contacts';
import { request } from './http';
import { queryString } from './query';

export const REPORTS = `${TRACKING}/reports`;

export type ReportName = 'conversion' | 'refills' | 'adherence' | 'customers' | 'timeseries';
export type ReportFormat = 'csv' | 'xlsx';

/** Inclusive shop-local dates; the server's default is the 30 days ending today. */
export interface ReportWindow {
  from?: string;
  to?: string;
}

// --- conversion -------------------------------------------------------------------------------

export interface StaffConversion {
  staff_id: number;
  name: string;
  assigned: number;
  /** Contacts whose status is "contacted" now. */
  contacted: number;
  converted: number;
  yellow: number;
  conversion_value_paise: number;
  interactions: number;
  follow_ups_overdue: number;
}

export interface UploadConversion {
  upload_id: number;
  file_name: string;
  uploaded_at: string;
  total: number;
  pending: number;
  contacted: number;
  converted: number;
  yellow: number;
  conversion_value_paise: number;
  conversion_rate: number;
}

export interface ConversionReport {
  /** null when no window was asked for: every contact counts. */
  from: string | null;
  to: string | null;
  /** uploaded_contacts + inbound_contacts. */
  total_contacts: number;
  /** From uploaded sheets. */
  uploaded_contacts: number;
  /** Created by an inbound WhatsApp message or SMS. */
  inbound_contacts: number;
  pending: number;
  contacted: number;
  converted: number;
  yellow: number;
  conversion_rate: number;
  total_conversion_value_paise: number;
  average_conversion_value_paise: number;
  self_reported_contacted: number;
  by_staff: StaffConversion[];
  by_upload: UploadConversion[];
}

/** Without from/to: every contact; with them: contacts created in the window. */
export interface ConversionQuery extends ReportWindow {
  upload_id?: number;
  staff_id?: number;
}

// --- refills ----------------------------------------------------------------------------------

export interface RefillReport {
  from: string;
  to: string;
  due: number;
  sent: { whatsapp: number; sms: number; call: number; total: number };
  responded: {
    will_visit: number;
    refilled_elsewhere: number;
    stopped_medicine: number;
    not_reachable: number;
    call_back: number;
    other: number;
    total: number;
  };
  refilled_within_7_days: number;
  refill_rate: number;
  cancelled: number;
  messages: { queued: number; sent: number; delivered: number; read: number; failed: number; total: number };
  /** null unless the shop has set a price per message. */
  estimated_cost_paise: { whatsapp: number; sms: number; total: number } | null;
  /** Bills with medicines in the window; those with a line without a duration; of those, skipped when asked. */
  bill_durations: { bills: number; without_duration: number; skipped: number };
}

// --- adherence --------------------------------------------------------------------------------

export interface AdherenceBucket {
  /** Percent, inclusive. */
  from: number;
  /** Percent, exclusive except for the last bucket (90–100). */
  to: number;
  customers: number;
}

export interface MedicineAdherence {
  medicine: string;
  pdc: number;
  purchases: number;
}

export interface LowAdherence {
  customer_id: number;
  name: string | null;
  /** E.164. */
  phone: string;
  pdc: number;
  last_purchase_on: string;
  days_without_supply: number;
  medicines: MedicineAdherence[];
}

export interface AdherenceReport {
  as_of: string;
  window_days: number;
  customers: number;
  adherent: number;
  adherent_share: number;
  /** 10 buckets of 10 percentage points. */
  distribution: AdherenceBucket[];
  /** PDC below 80, lowest first. */
  below_threshold: LowAdherence[];
}

// --- customers --------------------------------------------------------------------------------

export interface CustomerReport {
  from: string;
  to: string;
  by_category: {
    contact_sheet: number;
    first_time_prescription: number;
    regular_branded: number;
    generic_informed: number;
  };
  weekly: { week_start: string; new: number; returning: number }[];
  generic: { items: number; generic_items: number; generic_share: number; customers_preferring_generic: number };
  top_refilled_medicines: { medicine: string; refills: number }[];
}

// --- time series ------------------------------------------------------------------------------

export type TimeseriesMetric = 'conversions' | 'refills' | 'bills';
export type TimeseriesInterval = 'day' | 'week';

export interface TimeseriesPoint {
  /** The day, or the Monday starting the week. */
  date: string;
  count: number;
  amount_paise: number;
}

export interface TimeseriesReport {
  metric: TimeseriesMetric;
  interval: TimeseriesInterval;
  from: string;
  to: string;
  points: TimeseriesPoint[];
}

export interface TimeseriesQuery extends ReportWindow {
  metric: TimeseriesMetric;
  interval?: TimeseriesInterval;
}

// --- calls ------------------------------------------------------------------------------------

type Params = Record<string, string | number | undefined>;

const reportPath = (name: ReportName, params: Params) => `${REPORTS}/${name}${queryString(params)}`;

export const getConversionReport = (query: ConversionQuery = {}) =>
  request<ConversionReport>('GET', reportPath('conversion', { ...query }));

export const getRefillReport = (window: ReportWindow = {}) => request<RefillReport>('GET', reportPath('refills', { ...window }));

export const getAdherenceReport = () => request<AdherenceReport>('GET', reportPath('adherence', {}));

export const getCustomerReport = (window: ReportWindow = {}) =>
  request<CustomerReport>('GET', reportPath('customers', { ...window }));

export const getTimeseries = (query: TimeseriesQuery) => request<TimeseriesReport>('GET', reportPath('timeseries', { ...query }));

/** Where a report downloads as CSV or XLSX (same query as its JSON, plus `format`). */
export function reportDownloadUrl(name: ReportName, format: ReportFormat, params: Params = {}): string {
  return reportPath(name, { ...params, format });
}
