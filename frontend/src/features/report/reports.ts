// Reports: completion funnel, time to decision, participation, coverage; the stipends export.
import { navigate } from '../../core/app';
import { hours, money } from '../../core/format';
import { busy, clearErrors, field, h, scrollTable, select, showError } from '../../ui';
import { saveFile } from '../../core/http';
import { reportApi } from './api';
import { templateApi } from '../template/api';


/** A bar chart that is also a table, so screen readers read the numbers. */
function bars(title: string, rows: Array<[string, number]>, unit = ''): HTMLElement {
  const max = Math.max(1, ...rows.map(([, v]) => v));
  return h('figure', { class: 'chart' }, h('figcaption', {}, title),
    rows.length ? scrollTable(title, h('table', { class: 'bars' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Group'), h('th', { scope: 'col' }, 'Value'))),
      h('tbody', {}, rows.map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k),
        h('td', {}, h('span', { class: 'bar', style: `width:${Math.max(2, (v / max) * 100)}%` }), ` ${v}${unit}`))))))
      : h('p', { class: 'meta' }, 'No data yet.'));
}

/**
 * The payroll export: stipends earned between two dates (empty: this fiscal year so far). Fetched rather than
 * linked, so a refusal shows in words next to the dates instead of a silent failed download.
 */
function payrollExport(): HTMLElement {
  const from = h('input', { type: 'date', name: 'from' });
  const to = h('input', { type: 'date', name: 'to' });
  const go = h('button', { type: 'submit', class: 'primary' }, 'Download stipends (CSV)');
  const done = h('p', { role: 'status', class: 'meta' });
  const form = h('form', { class: 'payroll', novalidate: true, 'aria-labelledby': 'payroll-h' },
    h('h2', { id: 'payroll-h' }, 'Stipends for payroll'),
    h('p', { class: 'hint' }, 'One row per passed tier. Leave the dates empty for this fiscal year so far.'),
    h('div', { class: 'date-range' }, field('From', from, { name: 'from' }), field('To', to, { name: 'to' })), go, done);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(go, async () => {
      clearErrors(form);
      done.textContent = '';
      try {
        const { blob, filename } = await reportApi.stipendsCsv(from.value, to.value);
        saveFile(blob, filename);
        done.textContent = `Downloaded ${filename}.`;
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
  return h('section', { class: 'reports' }, h('h1', {}, 'Reports'),
    h('p', {}, `${d.enrolled} of ${d.teachers} teachers take part (${d.participationPercent}%); ${d.passedATier} passed a tier; ${money(d.stipendCents)} in stipends earned.`),
    payrollExport(),
    h('p', {}, h('a', { href: '/admin/hours' }, 'Professional learning hours for state reporting')),
    field('Microcredential', picker),
    h('div', { class: 'charts' },
      report ? bars(`Completion funnel: ${report.title}`, report.funnel.map((f): [string, number] => [f.step, f.count])) : null,
      report ? h('figure', { class: 'chart' }, h('figcaption', {}, `Time to decision: ${report.title}`),
        h('p', {}, `Median overall: ${hours(report.medianHoursToDecision)}`),
        scrollTable(`Time to decision: ${report.title}`, h('table', {}, h('thead', {}, h('tr', {}, ['Tier', 'Submitted', 'Returned', 'Passed', 'Waiting', 'Median'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, report.tiers.map((tpl) => h('tr', {}, h('th', { scope: 'row' }, tpl.title), h('td', {}, String(tpl.submitted)), h('td', {}, String(tpl.returned)),
            h('td', {}, String(tpl.passed)), h('td', {}, String(tpl.waiting)), h('td', {}, hours(tpl.medianHoursToDecision)))))))) : null,
      bars('Participation by school (% of teachers enrolled)', participation.bySchool.map((g): [string, number] => [g.name, g.participationPercent]), '%'),
      bars('Participation by experience (% of teachers enrolled)', participation.byExperience.map((g): [string, number] => [g.name, g.participationPercent]), '%'),
      bars('Coverage: published microcredentials per standard or cluster', coverage.alignments.map((a): [string, number] => [`${a.code} ${a.name}`, a.publishedMicrocredentials])),
      bars('Coverage: awards earned per standard or cluster', coverage.alignments.filter((a) => a.awards > 0).map((a): [string, number] => [`${a.code} ${a.name}`, a.awards]))));
}
