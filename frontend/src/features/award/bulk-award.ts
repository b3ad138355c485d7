// Bulk award from a spreadsheet: choose the badge, upload the CSV (or paste the list), see every bad row by its number
// before anyone is awarded, then follow the progress; each recipient gets an email with their badge and certificate.
import { ApiError } from '../../core/http';
import { awardApi } from './api';
import type { Summary } from '../template/types';
import { busy, csvPicker, field, h, rowProblemList, rowProblems, select, showError, status, textarea } from '../../ui';
import { t } from '../../core/i18n';

const SAMPLE = 'email,name\nana.lopez@school.org,Ana Lopez\nbo.chen@school.org,Bo Chen\n';

export function bulkAward(published: Summary[]): HTMLElement {
  const template = select([['', t('award.bulkAward.choose')], ...published.map((tpl): [string, string] => [tpl.id, tpl.title])]);
  const badge = select([['', t('award.bulkAward.chooseFirst')]]);
  template.addEventListener('change', async () => {
    const classes = template.value ? await awardApi.badgeClasses(template.value) : [];
    badge.replaceChildren(...classes.map((c) => h('option', { value: c.id }, c.name)));
  });
  const picker = csvPicker(t('award.bulkAward.file'), t('award.bulkAward.fileHint'));
  const pasted = textarea({ rows: 4, placeholder: 'email,name\nana@school.org,Ana Ruiz' });
  const go = h('button', { type: 'submit', class: 'primary' }, t('award.bulkAward.award'));
  const progress = h('div', { 'aria-live': 'polite' });
  const sample = h('a', { href: `data:text/csv;charset=utf-8,${encodeURIComponent(SAMPLE)}`, download: 'recipients-example.csv' }, t('award.bulkAward.example'));
  const form = h('form', { novalidate: true, 'aria-labelledby': 'bulk-h' }, h('h2', { id: 'bulk-h' }, t('award.bulkAward.title')),
    h('p', {}, t('award.bulkAward.intro'), sample),
    field(t('award.bulkAward.microcredential'), template, { name: 'templateId' }), field(t('award.bulkAward.badge'), badge, { name: 'badgeClassId' }),
    picker.field, h('details', {}, h('summary', {}, t('award.bulkAward.paste')), field(t('award.bulkAward.pasteLabel'), pasted, { name: 'recipients' })),
    go, progress);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(go, async () => {
      progress.replaceChildren();
      try {
        if (!badge.value) throw new ApiError(422, t('award.bulkAward.chooseBadge'), '', '', [{ field: 'badgeClassId', message: t('award.bulkAward.chooseBadgeDetail') }]);
        const file = picker.input.files?.[0];
        const text = pasted.value.trim();
        if (!file && !text) throw new ApiError(422, t('award.bulkAward.addRecipients'), '', '', [{ field: 'file', message: t('award.bulkAward.addRecipientsDetail') }]);
        let job = await awardApi.bulkAward(badge.value, file ? await file.text() : text);
        form.querySelector('.form-error')?.remove();
        const bar = h('progress', { max: job.total, value: job.processed, 'aria-label': t('award.bulkAward.progress') });
        const line = h('p', {});
        progress.replaceChildren(bar, line);
        for (;;) {
          bar.value = job.processed;
          line.textContent = job.failed ? t('award.bulkAward.doneFailed', { processed: job.processed, total: job.total, failed: job.failed })
            : t('award.bulkAward.done', { processed: job.processed, total: job.total });
          if (job.status === 'DONE') break;
          await new Promise((r) => setTimeout(r, 1000));
          job = await awardApi.job(job.id);
        }
        progress.append(status(t('award.bulkAward.awarded', { awarded: job.total - job.failed, total: job.total }), job.failed ? 'warn' : 'ok'));
        if (job.failed) {
          const failures = await awardApi.failures(job.id);
          progress.append(h('h3', {}, t('award.bulkAward.notAwarded')), h('ul', {}, failures.map((f) => h('li', {}, `${f.email}: ${f.error}`))));
        }
      } catch (err) {
        const rows = rowProblems(err);
        if (rows) { const list = rowProblemList(t('award.bulkAward.nobody'), rows); progress.replaceChildren(list); list.focus(); }
        else showError(form, err);
      }
    });
  });
  return form;
}
