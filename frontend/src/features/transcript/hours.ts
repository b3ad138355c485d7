// A teacher's professional learning hours by fiscal year, each badge's credits, and the transcript PDF; the
// administrator's page for the credit unit's name and the per-teacher export for the state.
import { date } from '../../core/format';
import { saveFile } from '../../core/http';
import { busy, clearErrors, field, growingList, h, input, pagedList, scrollTable, showError, toast } from '../../ui';
import { credits, type Expiring, transcriptApi } from './api';
import { t } from '../../core/i18n';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export async function myHours(): Promise<Node> {
  const hours = await transcriptApi.mine();
  // the service's default unit is named in the interface's language; a district's own name is shown as written
  const unit = hours.creditName === 'professional learning hours' ? t('transcript.hours.unitHours') : hours.creditName;
  const get = h('button', { type: 'button', class: 'primary' }, t('transcript.hours.downloadPdf'));
  const done = h('p', { role: 'status', class: 'meta' });
  const panel = h('div', { class: 'card transcript' }, h('h2', {}, t('transcript.hours.transcript')),
    h('p', {}, t('transcript.hours.transcriptIntro', { unit: unit })),
    get, done);
  get.addEventListener('click', () => void busy(get, async () => {
    done.textContent = '';
    try {
      const { blob, filename } = await transcriptApi.transcript();
      saveFile(blob, filename);
      done.textContent = t('transcript.hours.downloaded', { filename: filename });
    } catch (err) { showError(panel, err); }
  }));
  const current = hours.years.find((y) => y.fiscalYear === hours.currentFiscalYear);
  const record = learnerRecordButton(() => transcriptApi.learnerRecord(),
    t('transcript.hours.learnerRecordIntro', { unit: unit }));
  return h('section', {}, h('h1', {}, t('transcript.hours.title')),
    h('p', {}, t('transcript.hours.soFar', { currentFiscalYear: hours.currentFiscalYear, credits: credits(current?.credits ?? 0), unit: unit })),
    hours.years.length ? scrollTable(t('transcript.hours.byYearLabel', { unit: unit }), h('table', {},
      h('caption', {}, cap(t('transcript.hours.byYearLabel', { unit }))),
      h('thead', {}, h('tr', {}, [t('transcript.hours.fiscalYear'), unit[0].toUpperCase() + unit.slice(1), t('transcript.hours.badges')].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, hours.years.map((y) => h('tr', {}, h('th', { scope: 'row' }, y.fiscalYear), h('td', {}, credits(y.credits)), h('td', {}, String(y.badges)))))))
      : h('p', {}, t('transcript.hours.none')),
    panel, record,
    hours.badges.length ? h('ul', { class: 'cards' }, hours.badges.map((b) => h('li', { class: `card${b.expired ? ' expired' : ''}` },
      h('h2', {}, b.name),
      h('p', {}, t('transcript.hours.creditsLine', { credits: credits(b.credits), unit, year: b.fiscalYear })),
      h('p', { class: 'meta' }, t('transcript.hours.issued', { issuedOn: date(b.issuedOn) }), b.expires ? (b.expired ? t('transcript.hours.expired', { expires: date(b.expires) }) : t('transcript.hours.validUntil', { expires: date(b.expires) })) : ''),
      b.expired ? h('p', { class: 'status status-warn' }, t('transcript.hours.expiredState')) : null,
      b.renewed ? h('p', { class: 'meta' }, t('transcript.hours.renewed')) : null,
      b.expires && !b.renewed && !b.renews ? h('p', {}, h('a', { href: `/my/renewals/${encodeURIComponent(b.assertionId)}` }, t('transcript.hours.renew', { name: b.name }))) : null,
      b.renews ? h('p', { class: 'meta' }, t('transcript.hours.renewal')) : null,
      h('p', {}, h('a', { href: b.verificationUrl }, t('transcript.hours.check', { name: b.name })))))) : null);
}

/**
 * A card with a button that downloads a signed learner record (a teacher's own, or an administrator's copy of a
 * teacher's); a problem (no current badge yet) is shown in the card.
 */
export function learnerRecordButton(fetchRecord: () => Promise<{ blob: Blob; filename: string }>, explanation: string): HTMLElement {
  const get = h('button', { type: 'button' }, t('transcript.hours.downloadClr'));
  const done = h('p', { role: 'status', class: 'meta' });
  const card = h('div', { class: 'card learner-record' }, h('h2', {}, t('transcript.hours.learnerRecord')), h('p', {}, explanation), get, done);
  get.addEventListener('click', () => void busy(get, async () => {
    done.textContent = '';
    try {
      const { blob, filename } = await fetchRecord();
      saveFile(blob, filename);
      done.textContent = t('transcript.hours.downloaded', { filename: filename });
    } catch (err) { showError(card, err); }
  }));
  return card;
}

/** Renews a badge once the teacher has done what the district asks: the same badge, new validity, linked. */
function renewButton(x: Expiring): HTMLElement {
  const b = h('button', { type: 'button' }, t('transcript.hours.renewFor', { badge: x.badge, personName: x.personName }));
  b.addEventListener('click', () => void busy(b, async () => {
    try {
      await transcriptApi.renew(x.assertionId);
      b.replaceWith(document.createTextNode(t('transcript.hours.renewedState')));
      toast(t('transcript.hours.renewedFor', { badge: x.badge, personName: x.personName }));
    } catch (err) { toast(err instanceof Error ? err.message : t('transcript.hours.couldNotRenew')); }
  }));
  return b;
}

export async function adminHours(): Promise<Node> {
  const rows = growingList('tbody', {}, (x: Expiring) => h('tr', {}, h('th', { scope: 'row' }, date(x.expires)), h('td', {}, `${x.personName} (${x.personEmail})`),
    h('td', {}, x.badge), h('td', {}, String(x.daysLeft)), h('td', {}, x.renewed ? t('transcript.hours.renewedState') : renewButton(x))));
  const [settings, expiring] = await Promise.all([transcriptApi.settings(),
    pagedList<Expiring>({ load: (page, size) => transcriptApi.expiring(90, page, size), append: rows.append, noun: 'badges' })]);
  const name = input({ value: settings.creditName, maxlength: 60, name: 'creditName', autocomplete: 'off' });
  const days = input({ value: settings.reminderDays.join(', '), name: 'reminderDays', inputmode: 'numeric', autocomplete: 'off' });
  const save = h('button', { type: 'submit' }, t('transcript.hours.save'));
  const naming = h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'credit-h' },
    h('h2', { id: 'credit-h' }, t('transcript.hours.creditsTitle')),
    h('p', { class: 'hint' }, t('transcript.hours.creditsIntro')),
    field(t('transcript.hours.creditUnit'), name, { name: 'creditName' }),
    field(t('transcript.hours.reminderDays'), days, { name: 'reminderDays' }), save);
  naming.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(save, async () => {
      clearErrors(naming);
      const list = days.value.split(/[,\s]+/).filter((d) => d.trim() !== '').map(Number);
      try { await transcriptApi.saveSettings({ creditName: name.value.trim(), reminderDays: list }); toast(t('transcript.hours.saved')); } catch (err) { showError(naming, err); }
    });
  });
  const report = h('div', { class: 'card' }, h('h2', {}, t('transcript.hours.expiringTitle')),
    expiring.items.length ? [scrollTable(t('transcript.hours.expiringLabel'), h('table', {},
      h('thead', {}, h('tr', {}, [t('transcript.hours.expires'), t('transcript.hours.teacher'), t('transcript.hours.badge'), t('transcript.hours.daysLeft'), t('transcript.hours.renewalCol')].map((c) => h('th', { scope: 'col' }, c)))),
      rows.element)), expiring.footer]
      : h('p', { class: 'meta' }, t('transcript.hours.noneExpiring')));

  const year = input({ name: 'fiscalYear', placeholder: t('transcript.hours.fyPlaceholder'), maxlength: 6, autocomplete: 'off' });
  const from = h('input', { type: 'date', name: 'from' });
  const to = h('input', { type: 'date', name: 'to' });
  const go = h('button', { type: 'submit', class: 'primary' }, t('transcript.hours.downloadCsv'));
  const done = h('p', { role: 'status', class: 'meta' });
  const exporting = h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'hours-export-h' },
    h('h2', { id: 'hours-export-h' }, t('transcript.hours.exportTitle')),
    h('p', { class: 'hint' }, t('transcript.hours.exportIntro')),
    field(t('transcript.hours.fiscalYear'), year, { name: 'fiscalYear' }),
    h('div', { class: 'date-range' }, field(t('transcript.hours.from'), from, { name: 'from' }), field(t('transcript.hours.to'), to, { name: 'to' })), go, done);
  exporting.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(go, async () => {
      clearErrors(exporting);
      done.textContent = '';
      try {
        const { blob, filename } = await transcriptApi.exportCsv(year.value.trim(), from.value, to.value);
        saveFile(blob, filename);
        done.textContent = t('transcript.hours.downloaded', { filename: filename });
      } catch (err) { showError(exporting, err); }
    });
  });
  return h('section', { class: 'narrow' }, h('h1', {}, t('transcript.hours.adminTitle')), naming, exporting, report);
}
