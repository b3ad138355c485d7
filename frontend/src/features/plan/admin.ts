// Administrators: needs-assessment surveys (write, open, close, read by school), who approves each school's plans,
// the district's plans, and the needs report.
import { navigate } from '../../core/app';
import { date } from '../../core/format';
import { t } from '../../core/i18n';
import { busy, emptyState, field, h, input, scrollTable, select, showError, textarea, toast } from '../../ui';
import { peopleApi } from '../people/api';
import { planApi, type Group, type NewSurvey, type Question, type QuestionKind, type Survey } from './api';
import { schoolYears } from './plan';
import { pagedPlans } from './supervise';

const surveyStatus = (s: string) => t(`plan.surveyStatus.${s as 'DRAFT'}`);

export async function adminPlans(): Promise<Node> {
  const [surveys, supervisors, plans, admins, coaches, assessors, teachers] = await Promise.all([planApi.surveys(), planApi.supervisors(),
    pagedPlans(() => t('plan.admin.plans'), (page, size) => planApi.plans({ page, size }), 'plans', () => emptyState(t('plan.admin.noPlans'))),
    peopleApi.withRole('DISTRICT_ADMIN'), peopleApi.withRole('COACH'), peopleApi.withRole('ASSESSOR'), peopleApi.withRole('TEACHER')]);
  const section = h('section', {}, h('h1', {}, t('titles.needsAndPlans')), h('p', {}, t('plan.admin.intro')));
  section.append(h('h2', {}, t('plan.admin.surveys')),
    surveys.length ? scrollTable(t('plan.admin.surveys'), h('table', {}, h('caption', {}, t('plan.admin.surveys')),
      h('thead', {}, h('tr', {}, [t('plan.admin.colSurvey'), t('plan.admin.colYear'), t('plan.admin.colStatus')].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, surveys.map((s) => h('tr', {}, h('td', {}, h('a', { href: `/admin/surveys/${encodeURIComponent(s.id)}` }, s.title)), h('td', {}, s.schoolYear), h('td', {}, surveyStatus(s.status)))))))
      : emptyState(t('plan.admin.noSurveys')),
    h('p', { class: 'actions' }, h('a', { href: '/admin/surveys/new', class: 'button' }, t('plan.admin.newSurvey')), h('a', { href: '/admin/reports/needs', class: 'button secondary' }, t('plan.admin.needsReport'))));
  // supervisors by school
  const eligible = [...new Map([...admins, ...coaches, ...assessors].filter((p) => p.active && !p.departedAt).map((p) => [p.id, p])).values()];
  const schools = [...new Set(teachers.map((p) => p.school).filter((s): s is string => !!s))].sort();
  const school = input({ name: 'school', list: 'plan-schools', autocomplete: 'off' });
  const who = select([['', t('plan.admin.chooseSupervisor')], ...eligible.map((p): [string, string] => [p.id, p.displayName || p.email])], { name: 'supervisorId' });
  const set = h('button', { type: 'submit' }, t('plan.admin.setSupervisor'));
  const form = h('form', { class: 'card', 'aria-label': t('plan.admin.supervisors'), novalidate: true }, h('h2', {}, t('plan.admin.supervisors')),
    h('p', {}, t('plan.admin.supervisorsIntro')),
    supervisors.length ? h('ul', {}, supervisors.map((s) => h('li', {}, t('plan.admin.supervises', { who: s.supervisorName, school: s.school === '*' ? t('plan.admin.everySchool') : s.school })))) : h('p', { class: 'meta' }, t('plan.admin.noSupervisors')),
    h('datalist', { id: 'plan-schools' }, schools.map((s) => h('option', { value: s }))),
    field(t('plan.admin.school'), school, { name: 'school', hint: t('plan.admin.schoolHint') }), field(t('plan.admin.supervisor'), who, { name: 'supervisorId' }), set);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void busy(set, async () => {
      try { await planApi.setSupervisor(school.value.trim(), who.value); toast(t('plan.admin.supervisorSet')); navigate(location.pathname, true); } catch (err) { showError(form, err); }
    });
  });
  section.append(form, h('h2', {}, t('plan.admin.plans')), plans ?? '');
  return section;
}

const KINDS: QuestionKind[] = ['SCALE', 'CLUSTERS', 'COMPONENTS', 'STANDARDS'];

function questionRow(q: Question | null, index: number, remove: () => void): HTMLElement {
  const text = input({ class: 'q-text', maxlength: 300, value: q?.text ?? '' });
  const kind = select(KINDS.map((k): [string, string] => [k, t(`plan.kind.${k}`)]), { class: 'q-kind' }, q?.kind ?? 'CLUSTERS');
  const low = input({ class: 'q-low', maxlength: 60, value: q?.lowLabel ?? '' });
  const high = input({ class: 'q-high', maxlength: 60, value: q?.highLabel ?? '' });
  const max = select(['1', '2', '3', '4', '5'].map((n): [string, string] => [n, n]), { class: 'q-max' }, String(q?.maxChoices ?? 3));
  const scaleBits = h('div', { class: 'date-range' }, field(t('plan.author.low'), low, { name: `questions[${index}].lowLabel` }), field(t('plan.author.high'), high, { name: `questions[${index}].highLabel` }));
  const maxBit = field(t('plan.author.max'), max, { name: `questions[${index}].maxChoices` });
  const sync = () => { scaleBits.hidden = kind.value !== 'SCALE'; maxBit.hidden = kind.value === 'SCALE'; };
  kind.addEventListener('change', sync);
  sync();
  return h('fieldset', { class: 'question card', 'data-field': `questions[${index}]` }, h('legend', {}, t('plan.author.question', { n: index + 1 })),
    field(t('plan.author.text'), text, { name: `questions[${index}].text` }), field(t('plan.author.kind'), kind, { name: `questions[${index}].kind` }),
    scaleBits, maxBit, h('button', { type: 'button', class: 'link', onclick: remove }, t('plan.author.remove', { n: index + 1 })));
}

function surveyForm(existing: Survey | null): HTMLFormElement {
  const now = new Date();
  const y = now.getMonth() >= 6 ? now.getFullYear() : now.getFullYear() - 1;
  const years = schoolYears(String(y - 1), 4);
  const title = input({ name: 'title', maxlength: 120, required: true, value: existing?.title ?? '' });
  const year = select(years.map((v): [string, string] => [v, v]), { name: 'schoolYear' }, existing?.schoolYear ?? years[1]);
  const intro = textarea({ rows: 3, maxlength: 1000, name: 'intro' });
  intro.value = existing?.intro ?? '';
  let questions: Array<Question | null> = existing?.questions.length ? [...existing.questions] : [null];
  const box = h('div', {});
  const read = (): Question[] => [...box.querySelectorAll<HTMLFieldSetElement>('fieldset.question')].map((fs, i) => ({
    key: `q${i + 1}`, text: fs.querySelector<HTMLInputElement>('.q-text')!.value.trim(), kind: fs.querySelector<HTMLSelectElement>('.q-kind')!.value as QuestionKind,
    lowLabel: fs.querySelector<HTMLInputElement>('.q-low')!.value.trim() || null, highLabel: fs.querySelector<HTMLInputElement>('.q-high')!.value.trim() || null,
    maxChoices: Number(fs.querySelector<HTMLSelectElement>('.q-max')!.value) }));
  const draw = () => box.replaceChildren(...questions.map((q, i) => questionRow(q, i, () => { questions = read(); questions.splice(i, 1); draw(); })));
  draw();
  const add = h('button', { type: 'button' }, t('plan.author.add'));
  add.addEventListener('click', () => { questions = [...read(), null]; draw(); });
  const save = h('button', { type: 'submit', class: 'primary' }, t(existing ? 'plan.author.save' : 'plan.author.create'));
  const form = h('form', { class: 'card', 'aria-label': t('plan.author.heading'), novalidate: true }, h('h2', {}, t('plan.author.heading')),
    field(t('plan.author.title'), title, { name: 'title', hint: t('plan.author.titleHint') }), field(t('plan.author.year'), year, { name: 'schoolYear' }),
    field(t('plan.author.intro'), intro, { name: 'intro' }), box, h('p', {}, add), save);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void busy(save, async () => {
      const body: NewSurvey = { title: title.value.trim(), schoolYear: year.value, intro: intro.value.trim(), questions: read() };
      try {
        const v = existing ? await planApi.updateSurvey(existing.id, body) : await planApi.createSurvey(body);
        toast(t('plan.author.saved', { title: v.survey.title }));
        navigate(`/admin/surveys/${encodeURIComponent(v.survey.id)}`, !!existing);
      } catch (err) { showError(form, err); }
    });
  });
  return form;
}

export function newSurvey(): Node {
  return h('section', {}, h('h1', {}, t('titles.newSurvey')), h('p', {}, t('plan.author.intro2')), surveyForm(null),
    h('p', {}, h('a', { href: '/admin/plans' }, t('plan.admin.back'))));
}

export async function surveyPage(p: { id: string }): Promise<Node> {
  const view = await planApi.survey(p.id);
  const s = view.survey;
  const section = h('section', {}, h('h1', {}, s.title),
    h('p', { class: 'meta' }, `${s.schoolYear} · ${surveyStatus(s.status)} · ${t('plan.admin.answers', { count: view.answers })}${s.openedAt ? ' · ' + t('plan.admin.openedOn', { when: date(s.openedAt) }) : ''}`));
  const act = (label: string, go: () => Promise<unknown>, done: string) => {
    const b = h('button', { type: 'button', class: 'primary' }, label);
    b.addEventListener('click', () => void busy(b, async () => {
      try { await go(); toast(done); navigate(location.pathname, true); } catch (err) { showError(section, err); }
    }));
    return b;
  };
  if (s.status !== 'OPEN') section.append(h('p', {}, act(t(s.status === 'DRAFT' ? 'plan.admin.open' : 'plan.admin.reopen'), () => planApi.openSurvey(s.id), t('plan.admin.opened')),
    ' ', s.status === 'DRAFT' ? h('span', { class: 'hint' }, t('plan.admin.openHint')) : null));
  else section.append(h('p', {}, act(t('plan.admin.close'), () => planApi.closeSurvey(s.id), t('plan.admin.closed'))));
  if (s.status === 'DRAFT') section.append(surveyForm(s));
  else section.append(await results(s.id));
  section.append(h('p', {}, h('a', { href: '/admin/reports/needs' }, t('plan.admin.needsReport')), ' · ', h('a', { href: '/admin/plans' }, t('plan.admin.back'))));
  return section;
}

async function results(id: string): Promise<HTMLElement> {
  const r = await planApi.results(id);
  return h('div', { class: 'results' }, h('h2', {}, t('plan.results.heading')),
    h('p', { class: 'hint' }, t('plan.results.rule', { min: r.minGroupSize })),
    r.groups.map((g) => groupResults(g, r.minGroupSize)));
}

function groupResults(g: Group, min: number): HTMLElement {
  const name = g.name === 'District' ? t('plan.results.district') : g.name === 'Other schools' ? t('plan.results.pooled', { schools: g.schools.join(', ') }) : g.name === 'Not recorded' ? t('report.reports.notRecorded') : g.name;
  return h('article', { class: 'card', 'aria-label': name }, h('h3', {}, name),
    h('p', { class: 'meta' }, t('plan.results.answered', { respondents: g.respondents, teachers: g.teachers })),
    !g.shown ? h('p', { class: 'status' }, t('plan.results.hidden', { min }))
      : g.questions.map((q) => h('div', { class: 'question-result' }, h('h4', {}, q.text),
        q.kind === 'SCALE' ? h('p', {}, q.average == null ? t('plan.results.noAnswers') : t('plan.results.average', { average: q.average, count: q.answered }), ' ',
          h('span', { class: 'meta' }, q.levels.map((n, i) => `${i + 1}: ${n}`).join(' · ')))
          : q.choices.length ? h('ol', {}, q.choices.slice(0, 5).map((c) => h('li', {}, t('plan.results.choice', { label: c.label, count: c.count }))))
            : h('p', {}, t('plan.results.noAnswers')))));
}

export async function needsReport(): Promise<Node> {
  const r = await planApi.needs();
  const section = h('section', { class: 'reports' }, h('h1', {}, t('titles.needsReport')));
  if (!r.survey) {
    section.append(emptyState(t('plan.report.noSurvey'), h('a', { href: '/admin/surveys/new' }, t('plan.admin.newSurvey'))));
    return section;
  }
  section.append(h('p', {}, t('plan.report.intro', { title: r.survey.title, respondents: r.survey.respondents })),
    h('p', { class: 'hint' }, t('plan.results.rule', { min: r.survey.minGroupSize })),
    h('p', { class: 'hint' }, t('plan.report.legend')));
  if (!r.needs.length) { section.append(emptyState(t('plan.report.noNeeds'))); return section; }
  const caption = t('plan.report.caption', { title: r.survey.title });
  section.append(scrollTable(caption, h('table', { class: 'needs' }, h('caption', {}, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('plan.report.group')), r.needs.map((n) => h('th', { scope: 'col' }, n.label)))),
    h('tbody', {}, r.groups.map((g) => h('tr', {},
      h('th', { scope: 'row' }, g.name === 'District' ? t('plan.results.district') : g.name === 'Other schools' ? t('plan.results.pooled', { schools: g.schools.join(', ') }) : g.name === 'Not recorded' ? t('report.reports.notRecorded') : g.name,
        h('span', { class: 'meta' }, ` ${t('plan.results.answered', { respondents: g.respondents, teachers: g.teachers })}`)),
      g.cells.map((c) => h('td', {}, t('plan.report.cell', { chosen: c.chosen == null ? '—' : String(c.chosen), planned: c.planned, pursuing: c.pursuing, earned: c.earned })))))))),
    h('p', {}, h('a', { href: '/admin/reports' }, t('plan.report.back'))));
  return section;
}
