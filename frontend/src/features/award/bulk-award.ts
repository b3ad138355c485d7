// Bulk award from a spreadsheet: choose the badge, upload the CSV (or paste the list), see every bad row by its number
// before anyone is awarded, then follow the progress; each recipient gets an email with their badge and certificate.
import { ApiError } from '../../core/http';
import { awardApi } from './api';
import type { Summary } from '../template/types';
import { busy, csvPicker, field, h, rowProblemList, rowProblems, select, showError, status, textarea } from '../../ui';

const SAMPLE = 'email,name\nana.lopez@school.org,Ana Lopez\nbo.chen@school.org,Bo Chen\n';

export function bulkAward(published: Summary[]): HTMLElement {
  const template = select([['', 'Choose a microcredential'], ...published.map((t): [string, string] => [t.id, t.title])]);
  const badge = select([['', 'Choose a microcredential first']]);
  template.addEventListener('change', async () => {
    const classes = template.value ? await awardApi.badgeClasses(template.value) : [];
    badge.replaceChildren(...classes.map((c) => h('option', { value: c.id }, c.name)));
  });
  const picker = csvPicker('Recipients file (CSV)', 'Columns: email and, optionally, name (as printed on the certificate). The first row names the columns.');
  const pasted = textarea({ rows: 4, placeholder: 'email,name\nana@school.org,Ana Ruiz' });
  const go = h('button', { type: 'submit', class: 'primary' }, 'Award');
  const progress = h('div', { 'aria-live': 'polite' });
  const sample = h('a', { href: `data:text/csv;charset=utf-8,${encodeURIComponent(SAMPLE)}`, download: 'recipients-example.csv' }, 'Download an example file');
  const form = h('form', { novalidate: true, 'aria-labelledby': 'bulk-h' }, h('h2', { id: 'bulk-h' }, 'Award a badge to many people'),
    h('p', {}, 'Each recipient gets an email with a link to their badge and its certificate. Uploading the same list again awards and emails nobody twice. ', sample),
    field('Microcredential', template, { name: 'templateId' }), field('Badge', badge, { name: 'badgeClassId' }),
    picker.field, h('details', {}, h('summary', {}, 'Or paste the list instead'), field('Recipients (email,name per line)', pasted, { name: 'recipients' })),
    go, progress);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(go, async () => {
      progress.replaceChildren();
      try {
        if (!badge.value) throw new ApiError(422, 'Choose the badge to award', '', '', [{ field: 'badgeClassId', message: 'Choose the badge to award.' }]);
        const file = picker.input.files?.[0];
        const text = pasted.value.trim();
        if (!file && !text) throw new ApiError(422, 'Add the recipients', '', '', [{ field: 'file', message: 'Choose a CSV file, or paste the list.' }]);
        let job = await awardApi.bulkAward(badge.value, file ? await file.text() : text);
        form.querySelector('.form-error')?.remove();
        const bar = h('progress', { max: job.total, value: job.processed, 'aria-label': 'Bulk award progress' });
        const line = h('p', {});
        progress.replaceChildren(bar, line);
        for (;;) {
          bar.value = job.processed;
          line.textContent = `${job.processed} of ${job.total} done${job.failed ? `, ${job.failed} could not be awarded` : ''}.`;
          if (job.status === 'DONE') break;
          await new Promise((r) => setTimeout(r, 1000));
          job = await awardApi.job(job.id);
        }
        progress.append(status(`Awarded to ${job.total - job.failed} of ${job.total}. Each recipient was emailed their badge.`, job.failed ? 'warn' : 'ok'));
        if (job.failed) {
          const failures = await awardApi.failures(job.id);
          progress.append(h('h3', {}, 'Not awarded'), h('ul', {}, failures.map((f) => h('li', {}, `${f.email}: ${f.error}`))));
        }
      } catch (err) {
        const rows = rowProblems(err);
        if (rows) { const list = rowProblemList('Nobody was awarded yet', rows); progress.replaceChildren(list); list.focus(); }
        else showError(form, err);
      }
    });
  });
  return form;
}
