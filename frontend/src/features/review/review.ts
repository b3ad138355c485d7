import { navigate } from '../../core/app';
import { age, date } from '../../core/format';
import type { Evidence } from '../evidence/types';
import { busy, clearErrors, field, h, pagedList, showError, textarea, toast, scrollTable } from '../../ui';
import type { QueueItem } from './types';
import { contentUrl, evidenceApi } from '../evidence/api';
import { reviewApi } from './api';
import { templateApi } from '../template/api';
import { t } from '../../core/i18n';

export async function queue(): Promise<Node> {
  // oldest first, as the service sends them; "Show more" adds the next page below
  const tbody = h('tbody', {});
  const pager = await pagedList<QueueItem>({ load: reviewApi.queue, noun: 'submissions', append: (rows) => tbody.append(...rows.map((i) => h('tr', {},
    h('td', {}, h('a', { href: `/reviews/${i.submissionId}` }, i.templateTitle)), h('td', {}, i.tierTitle),
    h('td', {}, String(i.attempt)), h('td', {}, age(i.ageHours))))) });
  const items = pager.items;
  return h('section', {}, h('h1', {}, t('review.page.title')),
    h('p', { role: 'status' }, items.length ? t('review.page.waiting') : t('review.page.nothing')),
    items.length ? scrollTable(t('review.page.tableLabel'), h('table', {},
      h('thead', {}, h('tr', {}, [t('review.page.microcredential'), t('review.page.tier'), t('review.page.attempt'), t('review.page.waitingCol')].map((c) => h('th', { scope: 'col' }, c)))),
      tbody)) : null, pager.footer);
}

export async function review(p: { id: string }): Promise<Node> {
  const s = await reviewApi.submission(p.id);
  const tpl = await templateApi.preview(s.templateId);
  // a renewal's tier is the template's renewal tier (its key is never an ordinary tier's)
  const tier = tpl.tiers.find((x) => x.key === s.tierKey) ?? (tpl.renewal?.tier?.key === s.tierKey ? tpl.renewal.tier : undefined)!;
  const attempt = s.attempts[s.attempts.length - 1];
  const evidence = await Promise.all(attempt.evidenceIds.map((id) => evidenceApi.get(id)));
  const decided = s.state !== 'SUBMITTED';
  const previous = s.attempts.filter((a) => a.outcome && a.number !== attempt.number).at(-1);

  const evidencePane = h('div', { class: 'pane evidence-pane', role: 'region', 'aria-label': t('review.page.evidence') }, h('h2', {}, t('review.page.evidence')),
    tier.requirements.map((r) => h('div', { class: 'requirement' }, h('h3', {}, r.title),
      evidence.filter((e) => e.requirementKey === r.key).map(evidenceView))));

  const form = h('form', { class: 'pane rubric-pane', novalidate: true, 'aria-label': t('review.page.rubric') }, h('h2', {}, t('review.page.rubric')));
  tier.requirements.forEach((r) => {
    form.append(h('h3', {}, r.title), h('p', { class: 'meta' }, t('review.page.toPass', { toPass: r.toPass })));
    r.criteria.forEach((c) => {
      const name = `${r.key}:${c.key}`;
      const prev = previous?.scores.find((x) => x.requirementKey === r.key && x.criterionKey === c.key);
      const fs = h('fieldset', { class: 'criterion', 'data-field': `scores`, 'data-criterion': name },
        h('legend', {}, c.name),
        c.levels.map((l, i) => {
          const id = `${name}-${i}`.replace(/[^a-zA-Z0-9_-]/g, '_');
          return h('div', { class: 'level' },
            h('input', { type: 'radio', name, id, value: i, disabled: decided }),
            h('label', { for: id }, h('strong', {}, l.level), l.descriptor ? h('span', {}, ` — ${l.descriptor}`) : null));
        }),
        field(t('review.page.feedbackOn', { name: c.name }), textarea({ rows: 2, name: `${name}:feedback`, maxlength: 4000, readonly: decided }),
          { hint: prev?.feedback ? t('review.page.lastTime', { feedback: prev.feedback }) : undefined }),
        h('p', { class: 'field-error', 'aria-live': 'polite' }));
      form.append(fs);
    });
  });
  const comment = textarea({ rows: 3, maxlength: 4000, readonly: decided });
  form.append(field(t('review.page.overall'), comment, { name: 'comment' }));
  if (!decided) {
    const pass = h('button', { type: 'button', class: 'primary' }, t('review.page.pass'));
    const ret = h('button', { type: 'button' }, t('review.page.return'));
    const decide = (outcome: 'PASS' | 'RETURN', button: HTMLButtonElement) => busy(button, async () => {
      clearErrors(form);
      const scores = [];
      let missing: HTMLElement | null = null;
      for (const r of tier.requirements) for (const c of r.criteria) {
        const name = `${r.key}:${c.key}`;
        const chosen = form.querySelector<HTMLInputElement>(`input[name="${CSS.escape(name)}"]:checked`);
        const fb = form.querySelector<HTMLTextAreaElement>(`textarea[name="${CSS.escape(name + ':feedback')}"]`)!.value.trim();
        if (!chosen) {
          const fs = form.querySelector<HTMLElement>(`[data-criterion="${CSS.escape(name)}"]`)!;
          fs.querySelector<HTMLElement>(':scope > .field-error')!.textContent = t('review.page.chooseLevel');
          missing ??= fs.querySelector('input');
          continue;
        }
        scores.push({ requirementKey: r.key, criterionKey: c.key, level: Number(chosen.value), feedback: fb || null });
      }
      if (missing) { missing.focus(); return; }
      try {
        await reviewApi.decide(s.id, s.attempt, outcome, scores, comment.value.trim() || null);
        toast(outcome === 'PASS' ? t('review.page.passed') : t('review.page.returned'));
        navigate('/reviews');
      } catch (err) { showError(form, err); }
    });
    pass.addEventListener('click', () => void decide('PASS', pass));
    ret.addEventListener('click', () => void decide('RETURN', ret));
    form.append(h('div', { class: 'actions' }, ret, pass));
  } else {
    form.append(h('p', { class: 'status status-info' }, s.state === 'PASSED' ? t('review.review.decidedPassed') : t('review.review.decidedReturned')));
  }
  return h('section', {}, h('p', {}, h('a', { href: '/reviews' }, t('review.page.back'))),
    h('h1', {}, `${s.templateTitle}: ${s.tierTitle}`),
    h('p', { class: 'meta' }, t('review.page.attemptMeta', { attempt: s.attempt, submittedAt: date(attempt.submittedAt) })),
    previous?.comment ? h('p', { class: 'meta' }, t('review.page.previousComment', { comment: previous.comment })) : null,
    h('div', { class: 'split' }, evidencePane, form));
}

function evidenceView(e: Evidence): HTMLElement {
  const url = contentUrl(e.id);
  if (e.type === 'TEXT') return h('div', { class: 'reflection-text' }, h('p', { class: 'meta' }, t('review.review.words', { count: e.wordCount ?? 0 })), h('div', { class: 'prose' }, e.text ?? ''));
  if (e.type === 'LINK') {
    return e.url ? h('p', {}, h('a', { href: e.url, target: '_blank', rel: 'noopener noreferrer' }, e.url))
      : h('p', { class: 'citation' }, h('span', { class: 'meta' }, t('review.page.citation')), e.name);
  }
  const body = e.artifactKind === 'IMAGE' ? h('img', { src: url, alt: e.name, class: 'evidence-img' })
    : e.artifactKind === 'VIDEO' ? h('video', { src: url, controls: true, preload: 'metadata', 'aria-label': e.name, class: 'evidence-video' })
      : e.artifactKind === 'AUDIO' ? h('audio', { src: url, controls: true, 'aria-label': e.name }) : null;
  return h('figure', {}, body, h('figcaption', {}, h('a', { href: url, target: '_blank', rel: 'noopener' }, t('review.page.open', { name: e.name }))));
}
