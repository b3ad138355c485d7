// A teacher's needs-assessment surveys: each open survey as a form (a scale as five radio buttons, a choice as
// checkboxes), answered once and changed while it stays open; closed ones show the answers given.
import { navigate } from '../../core/app';
import { dateTime } from '../../core/format';
import { t } from '../../core/i18n';
import { busy, emptyState, h, showError, toast } from '../../ui';
import { planApi, type Answer, type MySurvey, type Question, type Target } from './api';

export async function mySurveys(): Promise<Node> {
  const surveys = await planApi.mySurveys();
  const section = h('section', {}, h('h1', {}, t('titles.mySurvey')));
  if (!surveys.length) {
    section.append(emptyState(t('plan.survey.none'), h('a', { href: '/my/plan' }, t('plan.survey.toPlan'))));
    return section;
  }
  for (const s of surveys) section.append(surveyForm(s));
  return section;
}

function surveyForm(s: MySurvey): HTMLElement {
  const open = s.survey.status === 'OPEN';
  const save = h('button', { type: 'submit', class: 'primary' }, t(s.changedAt ? 'plan.survey.change' : 'plan.survey.send'));
  const form = h('form', { class: 'card survey', 'aria-label': s.survey.title, novalidate: true },
    h('h2', {}, s.survey.title),
    h('p', { class: 'meta' }, t('plan.survey.meta', { year: s.survey.schoolYear }),
      s.changedAt ? ` · ${t('plan.survey.answered', { when: dateTime(s.changedAt) })}` : ''),
    s.survey.intro ? h('p', {}, s.survey.intro) : null,
    open ? null : h('p', { class: 'status', role: 'status' }, t('plan.survey.closed')),
    s.survey.questions.map((q) => question(q, s.options[q.key] ?? [], s.answers[q.key], !open)),
    open ? h('p', { class: 'hint' }, t('plan.survey.private')) : null,
    open ? save : null);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void busy(save, async () => {
      const answers: Record<string, Answer> = {};
      for (const q of s.survey.questions) {
        if (q.kind === 'SCALE') {
          const v = form.querySelector<HTMLInputElement>(`input[name="${q.key}"]:checked`)?.value;
          if (v) answers[q.key] = { level: Number(v) };
        } else {
          const chosen = [...form.querySelectorAll<HTMLInputElement>(`input[name="${q.key}"]:checked`)].map((i) => i.value);
          if (chosen.length) answers[q.key] = { choices: chosen };
        }
      }
      try {
        await planApi.answer(s.survey.id, answers);
        toast(t('plan.survey.thanks'));
        navigate(location.pathname, true);
      } catch (err) { showError(form, err); }
    });
  });
  return form;
}

function question(q: Question, options: Target[], given: Answer | undefined, readOnly: boolean): HTMLElement {
  const legend = h('legend', {}, q.text);
  if (q.kind === 'SCALE') {
    return h('fieldset', { class: 'scale', 'data-field': `answers.${q.key}` }, legend,
      q.lowLabel || q.highLabel ? h('p', { class: 'hint' }, t('plan.survey.scaleHint', { low: q.lowLabel || '1', high: q.highLabel || '5' })) : null,
      h('div', { class: 'scale-choices' }, [1, 2, 3, 4, 5].map((n) => {
        const id = `${q.key}-${n}`;
        return h('span', { class: 'check' }, h('input', { type: 'radio', name: q.key, value: String(n), id, checked: given?.level === n, disabled: readOnly }),
          h('label', { for: id }, String(n)));
      })),
      h('p', { class: 'field-error', 'aria-live': 'polite' }));
  }
  const chosen = new Set(given?.choices ?? []);
  const boxes = options.map((o) => {
    const id = `${q.key}-${o.code}`;
    return h('div', { class: 'check' }, h('input', { type: 'checkbox', name: q.key, value: o.code, id, checked: chosen.has(o.code), disabled: readOnly }),
      h('label', { for: id }, o.label));
  });
  const fs = h('fieldset', { class: 'choices', 'data-field': `answers.${q.key}` }, legend,
    h('p', { class: 'hint' }, t('plan.survey.chooseUpTo', { count: q.maxChoices })), boxes,
    h('p', { class: 'field-error', 'aria-live': 'polite' }));
  // no more than the question allows: the rest wait until one is unticked
  const limit = () => {
    const n = fs.querySelectorAll('input:checked').length;
    fs.querySelectorAll<HTMLInputElement>('input[type=checkbox]').forEach((i) => { if (!readOnly) i.disabled = !i.checked && n >= q.maxChoices; });
  };
  fs.addEventListener('change', limit);
  limit();
  return fs;
}
