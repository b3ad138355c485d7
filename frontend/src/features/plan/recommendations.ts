// Microcredentials recommended to a teacher from their plan's goals and the district's survey, each saying why.
import { t } from '../../core/i18n';
import { emptyState, h } from '../../ui';
import { planApi, type Reason, type Recommendation } from './api';

/** Why, in a sentence: "matches your goal: 3b Using Questioning and Discussion Techniques". */
export function reasonText(r: Reason): string {
  switch (r.kind) {
    case 'CHOSEN': return t('plan.why.chosen', { goal: r.goal ?? '', year: r.targetYear ?? '' });
    case 'GOAL': return t('plan.why.goal', { target: r.targetLabel ?? r.targetCode ?? '' });
    default: return t('plan.why.need', { target: r.targetLabel ?? r.targetCode ?? '', count: r.count ?? 0 });
  }
}

export function recommendationCards(recs: Recommendation[]): HTMLElement {
  return h('ul', { class: 'cards' }, recs.map((r) => h('li', { class: 'card' },
    h('h2', {}, h('a', { href: `/catalog/${encodeURIComponent(r.templateId)}` }, r.title)),
    r.summary ? h('p', {}, r.summary) : null,
    h('ul', { class: 'reasons', 'aria-label': t('plan.why.label', { title: r.title }) }, r.reasons.map((x) => h('li', {}, reasonText(x)))))));
}

export async function myRecommendations(): Promise<Node> {
  const recs = await planApi.recommendations();
  return h('section', {}, h('h1', {}, t('titles.recommended')),
    h('p', {}, t('plan.why.intro')),
    recs.length ? recommendationCards(recs) : emptyState(t('plan.mine.noRecommendations'), h('a', { href: '/my/plan' }, t('plan.mine.writePlan'))));
}

/**
 * The catalogue's "recommended for you" strip (teachers): up to three, each with its first reason; filled once the
 * recommendations arrive, so the catalogue never waits for them, and empty when there are none.
 */
export function recommendedStrip(): HTMLElement {
  const strip = h('aside', { class: 'card recommended', 'aria-label': t('plan.mine.recommended'), hidden: true });
  void planApi.recommendations().then((recs) => {
    if (!recs.length) return;
    strip.append(h('h2', {}, t('plan.mine.recommended')),
      h('ul', {}, recs.slice(0, 3).map((r) => h('li', {}, h('a', { href: `/catalog/${encodeURIComponent(r.templateId)}` }, r.title), h('span', { class: 'meta' }, ` — ${reasonText(r.reasons[0])}`)))),
      h('p', {}, h('a', { href: '/my/recommendations' }, t('plan.mine.allRecommendations'))));
    strip.hidden = false;
  }).catch(() => undefined);
  return strip;
}
