// The admin's compensation page: each fiscal year's budget (a salary increase commits years ahead), payroll for a
// period with one-time and recurring amounts apart, HR's release time and course credit, spending by funding source
// and use per fiscal year, and the district's funding sources. Every download is fetched, so a refusal shows in words.
import { date, money } from '../../core/format';
import { saveFile } from '../../core/http';
import { t } from '../../core/i18n';
import { busy, clearErrors, field, h, scrollTable, select, showError, textarea, toast } from '../../ui';
import { payApi } from './api';
import type { BudgetYear, PeriodPay, Spending } from './types';

const day = (iso: string) => date(`${iso}T12:00:00`);
const th = (text: string) => h('th', { scope: 'col' }, text);
const amount = (n: number) => n.toLocaleString(undefined, { maximumFractionDigits: 2 });

function budgetTable(years: BudgetYear[]): HTMLElement {
  return h('section', { 'aria-labelledby': 'pay-budget-h' }, h('h2', { id: 'pay-budget-h' }, t('pay.page.budgetTitle')),
    h('p', { class: 'hint' }, t('pay.page.budgetHint')),
    scrollTable(t('pay.page.budgetTitle'), h('table', { class: 'budget-years' },
      h('thead', {}, h('tr', {}, th(t('pay.page.fiscalYear')), th(t('pay.page.budget')), th(t('pay.page.committed')), th(t('pay.page.paid')), th(t('pay.page.remaining')))),
      h('tbody', {}, years.map((y) => h('tr', {}, h('th', { scope: 'row' }, y.fiscalYear), h('td', {}, money(y.budgetCents)), h('td', {}, money(y.committedCents)),
        h('td', {}, money(y.paidCents)), h('td', {}, money(y.remainingCents))))))));
}

function periodTables(p: PeriodPay): HTMLElement {
  const who = (w: { name: string; email: string }) => w.name || w.email;
  return h('div', { class: 'payroll-period' },
    h('p', { role: 'status' }, t('pay.page.periodSummary', { from: day(p.from), to: day(p.to), oneTime: money(p.oneTimeCents), recurring: money(p.recurringCents) })),
    h('h3', {}, t('pay.page.oneTimeTitle')),
    p.oneTime.length ? scrollTable(t('pay.page.oneTimeTitle'), h('table', {},
      h('thead', {}, h('tr', {}, th(t('pay.page.earnedOn')), th(t('pay.page.teacher')), th(t('pay.page.microcredential')), th(t('pay.page.amount')), th(t('pay.page.source')))),
      h('tbody', {}, p.oneTime.map((o) => h('tr', {}, h('td', {}, day(o.earnedOn)), h('td', {}, who(o.who)), h('td', {}, `${o.microcredential}: ${o.tier}`),
        h('td', {}, money(o.cents)), h('td', {}, o.fundingSource ?? '')))))) : h('p', { class: 'meta' }, t('pay.page.noneInPeriod')),
    h('h3', {}, t('pay.page.recurringTitle')),
    p.recurring.length ? scrollTable(t('pay.page.recurringTitle'), h('table', {},
      h('thead', {}, h('tr', {}, th(t('pay.page.teacher')), th(t('pay.page.microcredential')), th(t('pay.page.annual')), th(t('pay.page.effectiveOn')), th(t('pay.page.inPeriod')), th(t('pay.page.source')))),
      h('tbody', {}, p.recurring.map((r) => h('tr', {}, h('td', {}, who(r.who)), h('td', {}, r.microcredential), h('td', {}, money(r.annualCents)),
        h('td', {}, day(r.effectiveOn)), h('td', {}, money(r.inPeriodCents)), h('td', {}, r.fundingSource ?? '')))))) : h('p', { class: 'meta' }, t('pay.page.noneInPeriod')),
    h('h3', {}, t('pay.page.hrTitle')),
    p.hr.length ? scrollTable(t('pay.page.hrTitle'), h('table', {},
      h('thead', {}, h('tr', {}, th(t('pay.page.earnedOn')), th(t('pay.page.teacher')), th(t('pay.page.microcredential')), th(t('pay.page.what')), th(t('pay.page.source')))),
      h('tbody', {}, p.hr.map((r) => h('tr', {}, h('td', {}, day(r.earnedOn)), h('td', {}, who(r.who)), h('td', {}, r.microcredential),
        h('td', {}, r.kind === 'RELEASE_TIME' ? (r.releaseUnit === 'DAYS' ? t('pay.describe.releaseDays', { n: amount(r.quantity ?? 0) }) : t('pay.describe.releaseHours', { n: amount(r.quantity ?? 0) }))
          : t('pay.describe.credit', { n: amount(r.quantity ?? 0), type: r.creditType ?? '', body: r.grantingBody ?? '' })),
        h('td', {}, r.fundingSource ?? '')))))) : h('p', { class: 'meta' }, t('pay.page.noneInPeriod')));
}

function payroll(): HTMLElement {
  const from = h('input', { type: 'date', name: 'from' });
  const to = h('input', { type: 'date', name: 'to' });
  const show = h('button', { type: 'submit', class: 'primary' }, t('pay.page.show'));
  const csv = h('button', { type: 'button' }, t('pay.page.downloadPayroll'));
  const hr = h('button', { type: 'button' }, t('pay.page.downloadHr'));
  const done = h('p', { role: 'status', class: 'meta' });
  const result = h('div', {});
  const form = h('form', { class: 'payroll', novalidate: true, 'aria-labelledby': 'pay-payroll-h' },
    h('h2', { id: 'pay-payroll-h' }, t('pay.page.payrollTitle')),
    h('p', { class: 'hint' }, t('pay.page.payrollHint')),
    h('div', { class: 'date-range' }, field(t('pay.page.from'), from, { name: 'from' }), field(t('pay.page.to'), to, { name: 'to' })),
    h('div', { class: 'actions' }, show, csv, hr), done, result);
  const load = async () => { clearErrors(form); result.replaceChildren(periodTables(await payApi.payroll(from.value, to.value))); };
  form.addEventListener('submit', (e) => { e.preventDefault(); void busy(show, async () => { try { await load(); } catch (err) { showError(form, err); } }); });
  const fetchFile = (b: HTMLButtonElement, get: () => Promise<{ blob: Blob; filename: string }>) => b.addEventListener('click', () => void busy(b, async () => {
    clearErrors(form); done.textContent = '';
    try { const { blob, filename } = await get(); saveFile(blob, filename); done.textContent = t('pay.page.downloaded', { filename }); } catch (err) { showError(form, err); }
  }));
  fetchFile(csv, () => payApi.payrollCsv(from.value, to.value));
  fetchFile(hr, () => payApi.hrCsv(from.value, to.value));
  void load().catch((err) => showError(form, err));
  return form;
}

function spendingTable(s: Spending): HTMLElement {
  const row = (r: Spending['total'], head: boolean) => h('tr', { class: head ? 'total' : '' }, h('th', { scope: 'row' }, r.fundingSource === 'All sources' ? t('pay.page.allSources') : r.fundingSource === 'Not recorded' ? t('pay.page.notRecorded') : r.fundingSource),
    h('td', {}, money(r.stipendsCents)), h('td', {}, money(r.salaryIncreasesCents)),
    h('td', {}, money(r.releaseTimeCents), r.releaseHours || r.releaseDays ? h('span', { class: 'meta' }, ` (${[r.releaseDays ? t('pay.describe.releaseDays', { n: amount(r.releaseDays) }) : '', r.releaseHours ? t('pay.describe.releaseHours', { n: amount(r.releaseHours) }) : ''].filter(Boolean).join(', ')})`) : null),
    h('td', {}, money(r.courseCreditCents), r.credits ? h('span', { class: 'meta' }, ` (${t('pay.page.creditsN', { n: amount(r.credits) })})`) : null),
    h('td', {}, h('strong', {}, money(r.totalCents))));
  return scrollTable(t('pay.page.spendingCaption', { fiscalYear: s.fiscalYear }), h('table', { class: 'spending' },
    h('caption', {}, t('pay.page.spendingCaption', { fiscalYear: s.fiscalYear })),
    h('thead', {}, h('tr', {}, th(t('pay.page.source')), th(t('pay.page.stipends')), th(t('pay.page.salaryIncreases')), th(t('pay.page.releaseTime')), th(t('pay.page.courseCredit')), th(t('pay.page.total')))),
    h('tbody', {}, s.sources.map((r) => row(r, false))), h('tfoot', {}, row(s.total, true))));
}

async function spending(years: BudgetYear[]): Promise<HTMLElement> {
  const first = Number(years[0]?.fiscalYear.slice(2) ?? new Date().getFullYear());
  const choices = [first - 2, first - 1, ...years.map((y) => Number(y.fiscalYear.slice(2)))].map((n): [string, string] => [`FY${n}`, `FY${n}`]);
  const picker = select(choices, { name: 'fiscalYear' }, `FY${first}`);
  const table = h('div', {});
  const csv = h('button', { type: 'button' }, t('pay.page.downloadSpending'));
  const done = h('p', { role: 'status', class: 'meta' });
  const box = h('section', { 'aria-labelledby': 'pay-spending-h' }, h('h2', { id: 'pay-spending-h' }, t('pay.page.spendingTitle')),
    h('p', { class: 'hint' }, t('pay.page.spendingHint')), field(t('pay.page.fiscalYear'), picker), table, h('div', { class: 'actions' }, csv), done);
  const show = async () => { try { table.replaceChildren(spendingTable(await payApi.spending(picker.value))); } catch (err) { showError(box, err); } };
  picker.addEventListener('change', () => void show());
  csv.addEventListener('click', () => void busy(csv, async () => {
    try { const { blob, filename } = await payApi.spendingCsv(picker.value); saveFile(blob, filename); done.textContent = t('pay.page.downloaded', { filename }); } catch (err) { showError(box, err); }
  }));
  await show();
  return box;
}

function fundingSources(sources: string[]): HTMLElement {
  const list = textarea({ rows: 6, name: 'sources' });
  list.value = sources.join('\n');
  const save = h('button', { type: 'submit' }, t('pay.page.saveSources'));
  const form = h('form', { 'aria-labelledby': 'pay-sources-h', novalidate: true }, h('h2', { id: 'pay-sources-h' }, t('pay.page.sourcesTitle')),
    field(t('pay.page.sourcesLabel'), list, { name: 'sources', hint: t('pay.page.sourcesHint') }), save);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(save, async () => {
      clearErrors(form);
      try { list.value = (await payApi.saveFundingSources(list.value.split('\n'))).join('\n'); toast(t('pay.page.sourcesSaved')); } catch (err) { showError(form, err); }
    });
  });
  return form;
}

export async function payPage(): Promise<Node> {
  const [years, sources] = await Promise.all([payApi.budgetYears(), payApi.fundingSources()]);
  return h('section', { class: 'pay' }, h('h1', {}, t('pay.page.title')),
    h('p', {}, t('pay.page.intro')),
    budgetTable(years), payroll(), await spending(years), fundingSources(sources));
}
