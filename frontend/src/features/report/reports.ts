// Reports: completion funnel, time to decision, participation, coverage; the stipends export.
import { navigate } from '../../core/app';
import { hours, money } from '../../core/format';
import { busy, clearErrors, field, h, scrollTable, select, showError } from '../../ui';
import { saveFile } from '../../core/http';
import { reportApi } from './api';
import { templateApi } from '../template/api';
import { t } from '../../core/i18n';


/** A step of the completion funnel as the service names it ("Enrolled", "Tier 1: passed"), in the interface's language. */
function stepName(step: string): string {
  const fixed: Record<string, () => string> = {
    Enrolled: () => t('report.reports.steps.enrolled'), Approved: () => t('report.reports.steps.approved'), Completed: () => t('report.reports.steps.completed'),
  };
  const tier = step.match(/^(.*): (submitted|passed)$/);
  if (tier) return tier[2] === 'submitted' ? t('report.reports.steps.tierSubmitted', { tier: tier[1] }) : t('report.reports.steps.tierPassed', { tier: tier[1] });
  return fixed[step]?.() ?? step;
}

/** A bar chart that is also a table, so screen readers read the numbers. */
function bars(title: string, rows: Array<[string, number]>, unit = ''): HTMLElement {
  const max = Math.max(1, ...rows.map(([, v]) => v));
  return h('figure', { class: 'chart' }, h('figcaption', {}, title),
    rows.length ? scrollTable(title, h('table', { class: 'bars' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('report.reports.group')), h('th', { scope: 'col' }, t('report.reports.value')))),
      h('tbody', {}, rows.map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k),
        h('td', {}, h('span', { class: 'bar', style: `width:${Math.max(2, (v / max) * 100)}%` }), ` ${v}${unit}`))))))
      : h('p', { class: 'meta' }, t('report.reports.noData')));
}

/**
 * The payroll export: stipends earned between two dates (empty: this fiscal year so far). Fetched rather than
 * linked, so a refusal shows in words next to the dates instead of a silent failed download.
 */
function payrollExport(): HTMLElement {
  const from = h('input', { type: 'date', name: 'from' });
  const to = h('input', { type: 'date', name: 'to' });
  const go = h('button', { type: 'submit', class: 'primary' }, t('report.reports.downloadCsv'));
  const done = h('p', { role: 'status', class: 'meta' });
  const form = h('form', { class: 'payroll', novalidate: true, 'aria-labelledby': 'payroll-h' },
    h('h2', { id: 'payroll-h' }, t('report.reports.payrollTitle')),
    h('p', { class: 'hint' }, t('report.reports.payrollHint')),
    h('div', { class: 'date-range' }, field(t('report.reports.from'), from, { name: 'from' }), field(t('report.reports.to'), to, { name: 'to' })), go, done);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(go, async () => {
      clearErrors(form);
      done.textContent = '';
      try {
        const { blob, filename } = await reportApi.stipendsCsv(from.value, to.value);
        saveFile(blob, filename);
        done.textContent = t('report.reports.downloaded', { filename: filename });
      } catch (err) { showError(form, err); }
    });
  });
  return form;
}

export async function reports(_: unknown, q: URLSearchParams): Promise<Node> {
  const [published, participation, coverage] = await Promise.all([
    templateApi.list('PUBLISHED'), reportApi.participation(),
    reportApi.coverage()]);
  const chosen = q.get('template') ?? published[0]?.id;
  const report = chosen ? await reportApi.template(chosen).catch(() => null) : null;
  const picker = select(published.map((tpl): [string, string] => [tpl.id, tpl.title]), {}, chosen ?? undefined);
  picker.addEventListener('change', () => navigate(`/admin/reports?template=${encodeURIComponent(picker.value)}`));
  const d = participation.district;
  return h('section', { class: 'reports' }, h('h1', {}, t('report.reports.title')),
    h('p', {}, t('report.reports.participation', { enrolled: d.enrolled, teachers: d.teachers, participationPercent: d.participationPercent, passedATier: d.passedATier, stipendCents: money(d.stipendCents) })),
    payrollExport(),
    h('p', {}, h('a', { href: '/admin/pay' }, t('pay.page.link'))),
    h('p', {}, h('a', { href: '/admin/hours' }, t('report.reports.hoursLink'))),
    field(t('report.reports.microcredential'), picker),
    h('div', { class: 'charts' },
      report ? bars(t('report.reports.funnel', { title: report.title }), report.funnel.map((f): [string, number] => [stepName(f.step), f.count])) : null,
      report ? h('figure', { class: 'chart' }, h('figcaption', {}, t('report.reports.timeToDecision', { title: report.title })),
        h('p', {}, t('report.reports.median', { medianHoursToDecision: hours(report.medianHoursToDecision) })),
        scrollTable(t('report.reports.timeToDecision', { title: report.title }), h('table', {}, h('thead', {}, h('tr', {}, [t('report.reports.tier'), t('report.reports.submitted'), t('report.reports.returned'), t('report.reports.passed'), t('report.reports.waiting'), t('report.reports.medianCol')].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, report.tiers.map((tpl) => h('tr', {}, h('th', { scope: 'row' }, tpl.title), h('td', {}, String(tpl.submitted)), h('td', {}, String(tpl.returned)),
            h('td', {}, String(tpl.passed)), h('td', {}, String(tpl.waiting)), h('td', {}, hours(tpl.medianHoursToDecision)))))))) : null,
      bars(t('report.reports.bySchool'), participation.bySchool.map((g): [string, number] => [groupName(g.name), g.participationPercent]), '%'),
      bars(t('report.reports.byExperience'), participation.byExperience.map((g): [string, number] => [groupName(g.name), g.participationPercent]), '%'),
      bars(t('report.reports.coveragePublished'), coverage.alignments.map((a): [string, number] => [`${a.code} ${a.name}`, a.publishedMicrocredentials])),
      bars(t('report.reports.coverageAwards'), coverage.alignments.filter((a) => a.awards > 0).map((a): [string, number] => [`${a.code} ${a.name}`, a.awards]))));
}

/** A group the service names 'Not recorded' (no school or experience on file) in the reader's language. */
export function groupName(name: string): string {
  return name === 'Not recorded' ? t('report.reports.notRecorded') : name;
}
