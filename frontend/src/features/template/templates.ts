// The admin's template list and the starter library.
import { navigate } from '../../core/app';
import { money } from '../../core/format';
import { ApiError } from '../../core/http';
import type { Summary } from './types';
import { busy, growingList, h, pagedList, scrollTable, showError, toast } from '../../ui';
import { templateApi } from './api';


export async function templates(): Promise<Node> {
  const section = h('section', {});
  const rows = growingList('tbody', {}, (t: Summary) => h('tr', {},
    h('td', {}, h('a', { href: `/admin/templates/${t.id}` }, t.title || '(untitled)')), h('td', {}, String(t.version)),
    h('td', {}, h('span', { class: `pill pill-${t.status.toLowerCase()}` }, t.status.toLowerCase())), h('td', {}, String(t.tierCount)),
    h('td', {}, money(t.totalStipendCents)),
    h('td', {}, t.status === 'DRAFT' ? deleteDraft(t) : null)));
  const [pager, library] = await Promise.all([
    pagedList<Summary>({ load: templateApi.page, append: rows.append, noun: 'templates' }), templateApi.library()]);
  const list = pager.items;
  // nothing is stored until the first save in the editor: opening New and leaving creates no draft
  const create = h('button', { type: 'button', class: 'primary', onclick: () => navigate('/admin/templates/new') }, 'New template');
  function deleteDraft(t: Summary): HTMLElement {
    const b = h('button', { type: 'button', class: 'link danger' }, `Delete draft “${t.title || 'untitled'}”`);
    b.addEventListener('click', () => void busy(b, async () => {
      if (!confirm(`Delete the draft “${t.title || 'untitled'}”? This cannot be undone.`)) return;
      try {
        // already gone (another tab, a retried click) is the same end state
        await templateApi.remove(t.id).catch((e) => { if (!(e instanceof ApiError && e.status === 404)) throw e; });
        b.closest('tr')?.remove();
        toast('Draft deleted');
      } catch (err) { showError(section, err); }
    }));
    return b;
  }
  const adopted = new Set(list.map((t) => t.libraryKey).filter(Boolean));
  section.append(h('h1', {}, 'Templates'), h('p', {}, create),
    scrollTable('Your templates', h('table', {},
      h('thead', {}, h('tr', {}, ['Title', 'Version', 'Status', 'Tiers', 'Stipend', 'Actions'].map((c) => h('th', { scope: 'col' }, c)))),
      rows.element)), pager.footer,
    h('h2', {}, 'Starter library'),
    h('ul', { class: 'cards' }, library.map((l) => {
      const adopt = h('button', { type: 'button' }, adopted.has(l.key) ? 'Adopt another copy' : 'Adopt');
      const li = h('li', { class: 'card' }, h('h3', {}, l.title), h('p', {}, l.summary), h('p', { class: 'meta' }, `${l.origin} · ${l.tierCount} tiers · ${money(l.totalStipendCents)}`), adopt);
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
