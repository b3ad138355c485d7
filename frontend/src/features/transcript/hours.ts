// A teacher's professional learning hours by fiscal year, each badge's credits, and the transcript PDF; the
// administrator's page for the credit unit's name and the per-teacher export for the state.
import { date } from '../../core/format';
import { saveFile } from '../../core/http';
import { busy, clearErrors, field, growingList, h, input, pagedList, scrollTable, showError, toast } from '../../ui';
import { credits, type Expiring, transcriptApi } from './api';

export async function myHours(): Promise<Node> {
  const hours = await transcriptApi.mine();
  const unit = hours.creditName;
  const get = h('button', { type: 'button', class: 'primary' }, 'Download transcript (PDF)');
  const done = h('p', { role: 'status', class: 'meta' });
  const panel = h('div', { class: 'card transcript' }, h('h2', {}, 'Transcript'),
    h('p', {}, `Every badge you hold, with its ${unit}, dates, and a link and QR code anyone can check, signed for your district.`),
    get, done);
  get.addEventListener('click', () => void busy(get, async () => {
    done.textContent = '';
    try {
      const { blob, filename } = await transcriptApi.transcript();
      saveFile(blob, filename);
      done.textContent = `Downloaded ${filename}.`;
    } catch (err) { showError(panel, err); }
  }));
  const current = hours.years.find((y) => y.fiscalYear === hours.currentFiscalYear);
  const record = learnerRecordButton(() => transcriptApi.learnerRecord(),
    `Every current badge you hold with its ${unit}, signed by your district as one learner record (CLR 2.0) for a digital wallet or an employer.`);
  return h('section', {}, h('h1', {}, 'My hours'),
    h('p', {}, `${hours.currentFiscalYear} so far: ${credits(current?.credits ?? 0)} ${unit}.`),
    hours.years.length ? scrollTable(`${unit} by fiscal year`, h('table', {},
      h('caption', {}, `${unit[0].toUpperCase()}${unit.slice(1)} by fiscal year`),
      h('thead', {}, h('tr', {}, ['Fiscal year', unit[0].toUpperCase() + unit.slice(1), 'Badges'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, hours.years.map((y) => h('tr', {}, h('th', { scope: 'row' }, y.fiscalYear), h('td', {}, credits(y.credits)), h('td', {}, String(y.badges)))))))
      : h('p', {}, 'No badges yet. Pass a tier to earn one.'),
    panel, record,
    hours.badges.length ? h('ul', { class: 'cards' }, hours.badges.map((b) => h('li', { class: `card${b.expired ? ' expired' : ''}` },
      h('h2', {}, b.name),
      h('p', {}, `${credits(b.credits)} ${unit} · ${b.fiscalYear}`),
      h('p', { class: 'meta' }, `Issued ${date(b.issuedOn)}`, b.expires ? (b.expired ? ` · Expired ${date(b.expires)}` : ` · Valid until ${date(b.expires)}`) : ''),
      b.expired ? h('p', { class: 'status status-warn' }, 'Expired') : null,
      b.renewed ? h('p', { class: 'meta' }, 'Renewed: a newer badge replaces it when it expires.') : null,
      b.expires && !b.renewed && !b.renews ? h('p', {}, h('a', { href: `/my/renewals/${encodeURIComponent(b.assertionId)}` }, `Renew “${b.name}”`)) : null,
      b.renews ? h('p', { class: 'meta' }, 'A renewal: it keeps an earlier badge current (no new hours).') : null,
      h('p', {}, h('a', { href: b.verificationUrl }, `Check “${b.name}”`))))) : null);
}

/**
 * A card with a button that downloads a signed learner record (a teacher's own, or an administrator's copy of a
 * teacher's); a problem (no current badge yet) is shown in the card.
 */
export function learnerRecordButton(fetchRecord: () => Promise<{ blob: Blob; filename: string }>, explanation: string): HTMLElement {
  const get = h('button', { type: 'button' }, 'Download learner record (CLR)');
  const done = h('p', { role: 'status', class: 'meta' });
  const card = h('div', { class: 'card learner-record' }, h('h2', {}, 'Learner record'), h('p', {}, explanation), get, done);
  get.addEventListener('click', () => void busy(get, async () => {
    done.textContent = '';
    try {
      const { blob, filename } = await fetchRecord();
      saveFile(blob, filename);
      done.textContent = `Downloaded ${filename}.`;
    } catch (err) { showError(card, err); }
  }));
  return card;
}

/** Renews a badge once the teacher has done what the district asks: the same badge, new validity, linked. */
function renewButton(x: Expiring): HTMLElement {
  const b = h('button', { type: 'button' }, `Renew “${x.badge}” for ${x.personName}`);
  b.addEventListener('click', () => void busy(b, async () => {
    try {
      await transcriptApi.renew(x.assertionId);
      b.replaceWith(document.createTextNode('Renewed'));
      toast(`Renewed “${x.badge}” for ${x.personName}`);
    } catch (err) { toast(err instanceof Error ? err.message : 'Could not renew'); }
  }));
  return b;
}

export async function adminHours(): Promise<Node> {
  const rows = growingList('tbody', {}, (x: Expiring) => h('tr', {}, h('th', { scope: 'row' }, date(x.expires)), h('td', {}, `${x.personName} (${x.personEmail})`),
    h('td', {}, x.badge), h('td', {}, String(x.daysLeft)), h('td', {}, x.renewed ? 'Renewed' : renewButton(x))));
  const [settings, expiring] = await Promise.all([transcriptApi.settings(),
    pagedList<Expiring>({ load: (page, size) => transcriptApi.expiring(90, page, size), append: rows.append, noun: 'badges' })]);
  const name = input({ value: settings.creditName, maxlength: 60, name: 'creditName', autocomplete: 'off' });
  const days = input({ value: settings.reminderDays.join(', '), name: 'reminderDays', inputmode: 'numeric', autocomplete: 'off' });
  const save = h('button', { type: 'submit' }, 'Save');
  const naming = h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'credit-h' },
    h('h2', { id: 'credit-h' }, 'Credits and reminders'),
    h('p', { class: 'hint' }, 'Teachers see the credit unit beside their totals and on their transcripts, e.g. “license-renewal hours” or “CEUs”. Each tier of a microcredential says how many it credits.'),
    field('Credit unit', name, { name: 'creditName' }),
    field('Remind a badge’s holder this many days before it expires (up to 5, separated by commas)', days, { name: 'reminderDays' }), save);
  naming.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(save, async () => {
      clearErrors(naming);
      const list = days.value.split(/[,\s]+/).filter((d) => d.trim() !== '').map(Number);
      try { await transcriptApi.saveSettings({ creditName: name.value.trim(), reminderDays: list }); toast('Saved'); } catch (err) { showError(naming, err); }
    });
  });
  const report = h('div', { class: 'card' }, h('h2', {}, 'Expiring in the next 90 days'),
    expiring.items.length ? [scrollTable('Badges expiring in the next 90 days', h('table', {},
      h('thead', {}, h('tr', {}, ['Expires', 'Teacher', 'Badge', 'Days left', 'Renewal'].map((c) => h('th', { scope: 'col' }, c)))),
      rows.element)), expiring.footer]
      : h('p', { class: 'meta' }, 'No badge expires in the next 90 days.'));

  const year = input({ name: 'fiscalYear', placeholder: 'e.g. FY2027', maxlength: 6, autocomplete: 'off' });
  const from = h('input', { type: 'date', name: 'from' });
  const to = h('input', { type: 'date', name: 'to' });
  const go = h('button', { type: 'submit', class: 'primary' }, 'Download hours (CSV)');
  const done = h('p', { role: 'status', class: 'meta' });
  const exporting = h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'hours-export-h' },
    h('h2', { id: 'hours-export-h' }, 'Hours for state reporting'),
    h('p', { class: 'hint' }, 'One row per teacher with their total for the period. Give a fiscal year or two dates; leave all empty for this fiscal year.'),
    field('Fiscal year', year, { name: 'fiscalYear' }),
    h('div', { class: 'date-range' }, field('From', from, { name: 'from' }), field('To', to, { name: 'to' })), go, done);
  exporting.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(go, async () => {
      clearErrors(exporting);
      done.textContent = '';
      try {
        const { blob, filename } = await transcriptApi.exportCsv(year.value.trim(), from.value, to.value);
        saveFile(blob, filename);
        done.textContent = `Downloaded ${filename}.`;
      } catch (err) { showError(exporting, err); }
    });
  });
  return h('section', { class: 'narrow' }, h('h1', {}, 'Professional learning hours'), naming, exporting, report);
}
