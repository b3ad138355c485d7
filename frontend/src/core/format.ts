// Pure formatting shared by every feature: money, dates, durations, in the interface's language (Intl, US
// conventions: dollars in both languages). Unit-tested in format.test.ts.
import { locale, t } from './i18n';

export function money(cents: number): string {
  return (cents / 100).toLocaleString(locale(), { style: 'currency', currency: 'USD', maximumFractionDigits: cents % 100 ? 2 : 0 });
}

/** A count (1,234) in the interface's language. */
export const num = (n: number): string => n.toLocaleString(locale());

export function date(iso?: string | null): string {
  return iso ? new Date(iso).toLocaleDateString(locale(), { year: 'numeric', month: 'short', day: 'numeric' }) : '';
}

/** Date and time, as a person reads them in the interface's language. */
export function dateTime(iso?: string | null): string {
  return iso ? new Date(iso).toLocaleString(locale(), { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }) : '';
}

/** How long something has waited, in the words a person uses. */
export function age(hours: number): string {
  if (hours < 1) return t('format.underAnHour');
  if (hours < 48) return t('format.hours', { count: hours });
  return t('format.days', { count: Math.floor(hours / 24) });
}

const decimal = (x: number) => x.toLocaleString(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A median time to decision. */
export const hours = (x?: number | null) => (x == null ? t('format.noDecisions') : x < 48 ? t('format.hoursDecimal', { n: decimal(x) }) : t('format.daysDecimal', { n: decimal(x / 24) }));
