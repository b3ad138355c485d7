// The template editor's "what passing this tier pays" fields: the kind, then only that kind's fields. The tier's
// stipendCents and fundingSource follow the pay, as the service keeps them.
import { t } from '../../core/i18n';
import { field, h, input, select } from '../../ui';
import type { Pay, PayKind } from './types';

interface PayTier { pay?: Pay | null; stipendCents: number; fundingSource?: string | null }

const number = (v: string) => { const n = Number(v); return v.trim() === '' || !Number.isFinite(n) ? null : n; };

export function payFields(tier: PayTier, path: string, o: { sources: string[]; editable: boolean; last: boolean; changed: () => void; rerender: () => void }): HTMLElement {
  const pay: Pay = tier.pay ??= { kind: 'STIPEND', cents: tier.stipendCents || 0, fundingSource: tier.fundingSource ?? null };
  const sync = () => { tier.stipendCents = pay.kind === 'STIPEND' ? pay.cents : 0; tier.fundingSource = pay.fundingSource ?? null; o.changed(); };
  const on = <T extends HTMLInputElement | HTMLSelectElement>(el: T, set: (v: string) => void): T => {
    const run = () => { set(el.type === 'checkbox' ? String((el as HTMLInputElement).checked) : el.value); sync(); };
    el.addEventListener('input', run); el.addEventListener('change', run);
    if (!o.editable) el.setAttribute('disabled', '');
    return el;
  };
  const kinds: Array<[PayKind, string]> = [['NONE', t('pay.editor.kinds.NONE')], ['STIPEND', t('pay.editor.kinds.STIPEND')], ['SALARY_INCREASE', t('pay.editor.kinds.SALARY_INCREASE')],
    ['RELEASE_TIME', t('pay.editor.kinds.RELEASE_TIME')], ['COURSE_CREDIT', t('pay.editor.kinds.COURSE_CREDIT')]];
  const kind = on(select(kinds, {}, pay.kind), (v) => { pay.kind = v as PayKind; if (pay.kind === 'SALARY_INCREASE') { pay.effective ??= 'NEXT_CONTRACT_YEAR'; pay.budgetYears ??= 3; } if (pay.kind === 'RELEASE_TIME') pay.releaseUnit ??= 'DAYS'; o.rerender(); });
  const known = pay.fundingSource && !o.sources.includes(pay.fundingSource) ? [...o.sources, pay.fundingSource] : o.sources;
  const source = on(select([['', t('pay.editor.noSource')], ...known.map((s): [string, string] => [s, s])], {}, pay.fundingSource ?? ''), (v) => { pay.fundingSource = v || null; });
  const dollars = (label: string, hint?: string) => field(label, on(input({ type: 'number', min: 0, step: 1, inputmode: 'decimal', value: pay.cents ? String(pay.cents / 100) : '' }),
    (v) => { pay.cents = Math.max(0, Math.round((number(v) ?? 0) * 100)); }), { name: `${path}.pay.cents`, hint });
  const parts: Array<HTMLElement | null> = [field(t('pay.editor.kind'), kind, { name: `${path}.pay.kind`, hint: o.last ? t('pay.editor.lastTierHint') : undefined })];
  if (pay.kind === 'STIPEND') parts.push(dollars(t('template.editor.stipendDollars')));
  if (pay.kind === 'SALARY_INCREASE') {
    const effective = on(select([['NEXT_CONTRACT_YEAR', t('pay.editor.nextContractYear')], ['ON_DATE', t('pay.editor.onDate')]], {}, pay.effective ?? 'NEXT_CONTRACT_YEAR'), (v) => { pay.effective = v as Pay['effective']; o.rerender(); });
    const prorate = on(h('input', { type: 'checkbox', checked: !!pay.prorateFirstYear }), (v) => { pay.prorateFirstYear = v === 'true'; });
    parts.push(dollars(t('pay.editor.annual'), t('pay.editor.annualHint')),
      field(t('pay.editor.effective'), effective, { name: `${path}.pay.effective` }),
      pay.effective === 'ON_DATE' ? field(t('pay.editor.effectiveOn'), on(input({ type: 'date', value: pay.effectiveOn ?? '' }), (v) => { pay.effectiveOn = v || null; }), { name: `${path}.pay.effectiveOn` }) : null,
      field(t('pay.editor.budgetYears'), on(input({ type: 'number', min: 1, max: 10, step: 1, inputmode: 'numeric', value: String(pay.budgetYears ?? 3) }), (v) => { pay.budgetYears = number(v); }),
        { name: `${path}.pay.budgetYears`, hint: t('pay.editor.budgetYearsHint') }),
      field(t('pay.editor.prorate'), prorate, { name: `${path}.pay.prorateFirstYear` }));
  }
  if (pay.kind === 'RELEASE_TIME') {
    parts.push(field(t('pay.editor.releaseAmount'), on(input({ type: 'number', min: 0, step: 0.5, inputmode: 'decimal', value: pay.quantity == null ? '' : String(pay.quantity) }), (v) => { pay.quantity = number(v); }), { name: `${path}.pay.quantity` }),
      field(t('pay.editor.releaseUnit'), on(select([['DAYS', t('pay.editor.days')], ['HOURS', t('pay.editor.hours')]], {}, pay.releaseUnit ?? 'DAYS'), (v) => { pay.releaseUnit = v as Pay['releaseUnit']; }), { name: `${path}.pay.releaseUnit` }),
      dollars(t('pay.editor.value'), t('pay.editor.valueHint')));
  }
  if (pay.kind === 'COURSE_CREDIT') {
    parts.push(field(t('pay.editor.credits'), on(input({ type: 'number', min: 0, step: 0.5, inputmode: 'decimal', value: pay.quantity == null ? '' : String(pay.quantity) }), (v) => { pay.quantity = number(v); }), { name: `${path}.pay.quantity` }),
      field(t('pay.editor.creditType'), on(input({ value: pay.creditType ?? '', maxlength: 60 }), (v) => { pay.creditType = v; }), { name: `${path}.pay.creditType`, hint: t('pay.editor.creditTypeHint') }),
      field(t('pay.editor.grantingBody'), on(input({ value: pay.grantingBody ?? '', maxlength: 120 }), (v) => { pay.grantingBody = v; }), { name: `${path}.pay.grantingBody` }),
      dollars(t('pay.editor.value'), t('pay.editor.creditValueHint')));
  }
  if (pay.kind !== 'NONE') parts.push(field(t('pay.editor.source'), source, { name: `${path}.pay.fundingSource`, hint: t('pay.editor.sourceHint') }));
  return h('fieldset', { class: 'pay', 'data-field': `${path}.pay` }, h('legend', {}, t('pay.editor.legend')), parts);
}
