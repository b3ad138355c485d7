// Bulk award from CSV with a progress bar.
import { ApiError } from '../../core/http';
import type { Summary } from '../template/types';
import { busy, field, h, select, showError, textarea } from '../../ui';
import { awardApi } from './api';

export function bulkAward(published: Summary[]): HTMLElement {
  const template = select([['', 'Choose a microcredential'], ...published.map((t): [string, string] => [t.id, t.title])]);
  const badge = select([['', 'Choose a microcredential first']]);
  template.addEventListener('change', async () => {
    const classes = template.value ? await awardApi.badgeClasses(template.value) : [];
    badge.replaceChildren(...classes.map((c) => h('option', { value: c.id }, c.name)));
  });
  const csv = textarea({ rows: 5, placeholder: 'email,name\nana@school.org,Ana Ruiz' });
  const go = h('button', { type: 'submit', class: 'primary' }, 'Award');
  const progress = h('div', { 'aria-live': 'polite' });
  const form = h('form', { novalidate: true, 'aria-labelledby': 'bulk-h' }, h('h2', { id: 'bulk-h' }, 'Bulk award'),
    field('Microcredential', template), field('Badge', badge, { name: 'badgeClassId' }),
    field('Recipients (CSV: email,name)', csv, { name: 'recipients' }), go, progress);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(go, async () => {
      try {
        if (!badge.value) throw new ApiError(422, 'Choose a badge', '', '', [{ field: 'badgeClassId', message: 'choose the badge to award' }]);
        const body = csv.value.trim().startsWith('email') ? csv.value.trim() : `email,name\n${csv.value.trim()}`;
        let job = await awardApi.bulkAward(badge.value, body);
        const bar = h('progress', { max: job.total, value: job.processed, 'aria-label': 'Bulk award progress' });
        const line = h('p', {});
        progress.replaceChildren(bar, line);
        while (true) {
          bar.value = job.processed;
          line.textContent = `${job.processed} of ${job.total} processed, ${job.failed} failed (${job.status.toLowerCase()})`;
          if (!/QUEUED|RUNNING|PENDING/i.test(job.status)) break;
          await new Promise((r) => setTimeout(r, 1000));
          job = await awardApi.job(job.id);
        }
      } catch (err) { showError(form, err); }
    });
  });
  return form;
}
