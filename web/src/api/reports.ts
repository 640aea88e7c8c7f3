// The reports (`/api/customer-tracking/reports/…`, owners and managers only): typed JSON
// answers, and the addresses of their CSV / XLSX downloads (the session cookie goes with a
// plain link, so a download is an <a href download>). Money is integer paise; percentages are
// numbers with two decimals; dates are shop-local `YYYY-MM-DD`.

import { TRACKING } from './contacts';
import { request } from './http';
import { queryString } from './query';
import type { Schemas } from './schema';

export const REPORTS = `${TRACKING}/reports`;

export type ReportName = 'conversion' | 'refills' | 'adherence' | 'customers' | 'timeseries';
export type ReportFormat = 'csv' | 'xlsx';

/** Inclusive shop-local dates; the server's default is the 30 days ending today. */
export interface ReportWindow {
  from?: string;
  to?: string;
}

// --- conversion -------------------------------------------------------------------------------

export type StaffConversion = Schemas['StaffConversion'];
export type UploadConversion = Schemas['UploadConversion'];
export type ConversionReport = Schemas['ConversionReport'];

export interface ConversionQuery extends ReportWindow {
  upload_id?: number;
  staff_id?: number;
}

// --- refills ----------------------------------------------------------------------------------

export type RefillReport = Schemas['RefillReport'];

// --- adherence --------------------------------------------------------------------------------

export type AdherenceReport = Schemas['AdherenceReport'];
export type AdherenceBucket = AdherenceReport['distribution'][number];
/** A customer below the threshold, with the highest lapse risk among their open reminders. */
export type LowAdherence = Schemas['AdherenceCustomer'];
/** Order of `below_threshold`: lowest PDC first (the server's default) or highest lapse risk first. */
export type AdherenceOrder = 'pdc' | 'risk';
export type MedicineAdherence = LowAdherence['medicines'][number];

// --- customers --------------------------------------------------------------------------------

export type CustomerReport = Schemas['CustomerReport'];

// --- time series ------------------------------------------------------------------------------

export type TimeseriesReport = Schemas['Timeseries'];
export type TimeseriesMetric = TimeseriesReport['metric'];
export type TimeseriesInterval = TimeseriesReport['interval'];
/** The day, or the Monday starting the week. */
export type TimeseriesPoint = TimeseriesReport['points'][number];

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

export const getAdherenceReport = (sort: AdherenceOrder = 'pdc') =>
  request<AdherenceReport>('GET', reportPath('adherence', sort === 'pdc' ? {} : { sort }));

export const getCustomerReport = (window: ReportWindow = {}) =>
  request<CustomerReport>('GET', reportPath('customers', { ...window }));

export const getTimeseries = (query: TimeseriesQuery) => request<TimeseriesReport>('GET', reportPath('timeseries', { ...query }));

/** Where a report downloads as CSV or XLSX (same query as its JSON, plus `format`). */
export function reportDownloadUrl(name: ReportName, format: ReportFormat, params: Params = {}): string {
  return reportPath(name, { ...params, format });
}
