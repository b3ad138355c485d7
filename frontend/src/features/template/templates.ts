// The admin's template list and the starter library.
import { navigate } from '../../core/app';
import { money } from '../../core/format';
import { ApiError } from '../../core/http';
import type { Summary } from './types';
import { busy, h, scrollTable, showError, toast } from '../../ui';
import { templateApi } from './api';
import { t } from '../../core/i18n';

/** A template's state as the admin reads it ("draft", "borrador"). */
export function stateName(status: string): string {
  const s = status.toLowerCase();
  return s === 'draft' || s === 'published' || s === 'retired' ? t(`template.templates.states.${s}`) : s;
}


export async function templates(): Promise<Node> {
  const [list, library] = await Promise.all([templateApi.list(), templateApi.library()]);
  const section = h('section', {});
  // nothing is stored until the first save in the editor: opening New and leaving creates no draft
  const create = h('button', { type: 'button', class: 'primary', onclick: () => navigate('/admin/templates/new') }, t('template.templates.new'));
  const deleteDraft = (tpl: Summary) => {
    const b = h('button', { type: 'button', class: 'link danger' }, t('template.templates.deleteDraft', { title: tpl.title || t('template.templates.untitledQuoted') }));
    b.addEventListener('click', () => void busy(b, async () => {
      if (!confirm(t('template.templates.deleteConfirm', { title: tpl.title || t('template.templates.untitledQuoted') }))) return;
      try {
        // already gone (another tab, a retried click) is the same end state
        await templateApi.remove(tpl.id).catch((e) => { if (!(e instanceof ApiError && e.status === 404)) throw e; });
        b.closest('tr')?.remove();
        toast(t('template.templates.deleted'));
      } catch (err) { showError(section, err); }
    }));
    return b;
  };
  const adopted = new Set(list.map((tpl) => tpl.libraryKey).filter(Boolean));
  section.append(h('h1', {}, t('template.templates.title')), h('p', {}, create),
    scrollTable(t('template.templates.yours'), h('table', {},
      h('thead', {}, h('tr', {}, [t('template.templates.titleCol'), t('template.templates.version'), t('template.templates.status'), t('template.templates.tiers'), t('template.templates.stipend'), t('template.templates.actions')].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, list.map((tpl) => h('tr', {},
        h('td', {}, h('a', { href: `/admin/templates/${tpl.id}` }, tpl.title || t('template.templates.untitled'))), h('td', {}, String(tpl.version)),
        h('td', {}, h('span', { class: `pill pill-${tpl.status.toLowerCase()}` }, stateName(tpl.status))), h('td', {}, String(tpl.tierCount)),
        h('td', {}, money(tpl.totalStipendCents)),
        h('td', {}, tpl.status === 'DRAFT' ? deleteDraft(tpl) : null)))))),
    h('h2', {}, t('template.templates.library')),
    h('ul', { class: 'cards' }, library.map((l) => {
      const adopt = h('button', { type: 'button' }, adopted.has(l.key) ? t('template.templates.adoptAgain') : t('template.templates.adopt'));
      const li = h('li', { class: 'card' }, h('h3', {}, l.title), h('p', {}, l.summary), h('p', { class: 'meta' }, t('template.templates.libraryMeta', { origin: l.origin, tiers: t('template.catalog.tierCount', { count: l.tierCount }), stipend: money(l.totalStipendCents) })), adopt);
      adopt.addEventListener('click', () => void busy(adopt, async () => {
        try {
          const v = await templateApi.adopt(l.key, adopted.has(l.key));
          navigate(`/admin/templates/${v.id}`);
        } catch (err) { showError(li, err); }
      }));
      return li;
    })));
  return section;
}
