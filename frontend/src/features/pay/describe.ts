// What a tier pays, in a teacher's words and the interface's language: pure, so it is unit-tested (describe.test.ts).
import { date, money } from '../../core/format';
import { t } from '../../core/i18n';
import type { Pay } from './types';

const amount = (n?: number | null) => (n == null ? '' : n.toLocaleString(undefined, { maximumFractionDigits: 2 }));

/** One line: "$75 stipend", "$400 a year added to base salary from the next contract year", "2 days of release time". */
export function payLine(pay?: Pay | null): string {
  if (!pay || pay.kind === 'NONE') return t('pay.describe.nothing');
  const source = pay.fundingSource ? t('pay.describe.source', { source: pay.fundingSource }) : '';
  switch (pay.kind) {
    case 'STIPEND': return t('pay.describe.stipend', { amount: money(pay.cents) }) + source;
    case 'SALARY_INCREASE': return t('pay.describe.salary', { amount: money(pay.cents),
      from: pay.effective === 'ON_DATE' && pay.effectiveOn ? t('pay.describe.fromDate', { date: date(`${pay.effectiveOn}T12:00:00`) }) : t('pay.describe.fromNextYear') }) + source;
    case 'RELEASE_TIME': return (pay.releaseUnit === 'DAYS' ? t('pay.describe.releaseDays', { n: amount(pay.quantity) }) : t('pay.describe.releaseHours', { n: amount(pay.quantity) })) + source;
    case 'COURSE_CREDIT': return t('pay.describe.credit', { n: amount(pay.quantity), type: pay.creditType ?? '', body: pay.grantingBody ?? '' }) + source;
    default: return '';
  }
}

/** The pay lines of a template's tiers, each once, for a catalogue card ("" when nothing pays). */
export function paySummary(pays: Array<Pay | null | undefined>): string {
  const lines = [...new Set(pays.filter((p) => p && p.kind !== 'NONE').map((p) => payLine(p)))];
  return lines.join(' · ');
}

/** A pay field's name in an author's words, for the editor's list of what is missing; undefined for other fields. */
export function payFieldLabel(name: string): string | undefined {
  const labels: Record<string, string> = {
    pay: t('pay.editor.legend'), cents: t('pay.editor.amount'), effective: t('pay.editor.effective'), effectiveOn: t('pay.editor.effectiveOn'),
    budgetYears: t('pay.editor.budgetYears'), quantity: t('pay.editor.quantity'), releaseUnit: t('pay.editor.releaseUnit'),
    creditType: t('pay.editor.creditType'), grantingBody: t('pay.editor.grantingBody'),
  };
  return labels[name];
}
