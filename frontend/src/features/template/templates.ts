// The admin's template list and the starter library.
import { navigate } from '../../core/app';
import { money } from '../../core/format';
import { emptyContent } from './editor';
import { busy, h, showError, scrollTable } from '../../ui';
import { templateApi } from './api';


export async function templates(): Promise<Node> {
  const [list, library] = await Promise.all([templateApi.list(), templateApi.library()]);
  const section = h('section', {});
  const create = h('button', { type: 'button', class: 'primary' }, 'New template');
  const key = crypto.randomUUID(); // one key per page view: a double click creates one draft
  create.addEventListener('click', () => void busy(create, async () => {
    try {
      const v = await templateApi.create(emptyContent(), key);
      navigate(`/admin/templates/${v.id}`);
    } catch (err) { showError(section, err); }
  }));
  const adopted = new Set(list.map((t) => t.libraryKey).filter(Boolean));
  section.append(h('h1', {}, 'Templates'), h('p', {}, create),
    scrollTable('Your templates', h('table', {},
      h('thead', {}, h('tr', {}, ['Title', 'Version', 'Status', 'Tiers', 'Stipend'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, list.map((t) => h('tr', {},
        h('td', {}, h('a', { href: `/admin/templates/${t.id}` }, t.title || '(untitled)')), h('td', {}, String(t.version)),
        h('td', {}, h('span', { class: `pill pill-${t.status.toLowerCase()}` }, t.status.toLowerCase())), h('td', {}, String(t.tierCount)),
        h('td', {}, money(t.totalStipendCents))))))),
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
