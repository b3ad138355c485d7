// What the route inventory and the Spanish journeys check on a page: that it has rendered, what a person would trip
// over at a width (sideways scroll, small touch targets, British spelling), and what a Spanish reader would (a raw
// catalogue key, English of the catalogue, <html lang> not "es").

/** Waits until the route has rendered: no skeleton, not busy, one heading. */
export async function settled(page) {
  await page.waitForFunction(() => {
    const main = document.getElementById('main');
    return main && !main.hasAttribute('aria-busy') && !main.querySelector('.skeleton') && main.querySelector('h1');
  }, null, { timeout: 15_000 });
}

/** What a person would trip over on this page at this width. */
export async function findings(page) {
  return page.evaluate(() => {
    const out = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth + 1) {
      const wide = [...document.querySelectorAll('main *, header *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 3).map((el) => `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''}`);
      out.push(`page is ${doc.scrollWidth}px wide in a ${window.innerWidth}px viewport (${wide.join(', ')})`);
    }
    const inSentence = (el) => {
      if (getComputedStyle(el).display !== 'inline') return false;
      const parent = el.parentElement;
      return [...parent.childNodes].some((n) => n !== el && ((n.nodeType === 3 && n.textContent.trim()) || (n.nodeType === 1 && getComputedStyle(n).display === 'inline' && n.textContent.trim())));
    };
    const small = [];
    for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]')) {
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || cs.display === 'none') continue;
      let r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= 0 || r.bottom <= 0) continue; // not shown, or the off-screen skip link
      if (el.closest('[hidden]')) continue;
      if (el.tagName === 'A' && inSentence(el)) continue; // links inside running text are exempt (WCAG 2.5.8)
      if (el.type === 'checkbox' || el.type === 'radio') {
        const label = el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
        if (label) {
          const l = label.getBoundingClientRect();
          r = { width: Math.max(r.right, l.right) - Math.min(r.left, l.left), height: Math.max(r.bottom, l.bottom) - Math.min(r.top, l.top) };
        }
      }
      if (r.height < 43.5 || r.width < 43.5) {
        small.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || el.name || el.type || '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    if (small.length) out.push(`touch targets under 44 px: ${small.slice(0, 6).join('; ')}${small.length > 6 ? ` … (${small.length})` : ''}`);
    // the product is for US districts: US English throughout
    const british = document.body.innerText.match(/\b(catalogue|enrolments?|unrecognised|recognised|colour|organisation|analyse|behaviour|summarised|licence)\b/i);
    if (british) out.push(`British spelling on the page: "${british[0]}"`);
    const h1 = document.querySelector('main h1')?.textContent?.trim() ?? '';
    return { problems: out, h1 };
  });
}

/**
 * What a Spanish reader would trip over: the page not marked Spanish, a raw catalogue key, or an English text of the
 * catalogue (as a whole text, an accessible name, a placeholder or a title) that the Spanish catalogue says otherwise.
 */
export async function spanishFindings(page, checks) {
  return page.evaluate(({ keys, english }) => {
    const out = [];
    if (document.documentElement.lang !== 'es') out.push(`<html lang="${document.documentElement.lang}">, not "es"`);
    const texts = [];
    // where a single word is the interface's own: controls, labels, headings, column heads, the menu
    const chrome = [];
    for (const el of document.querySelectorAll('button, label, legend, summary, nav a, thead th, h1, h2')) chrome.push(el.textContent.trim());
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('script, style, [hidden], .sr-only-ignore')) continue;
      const x = n.textContent.trim();
      if (x) texts.push(x);
    }
    // whole pieces of text as a component writes them (a label, a button, a sentence), and attributes people hear
    for (const el of document.querySelectorAll('*')) {
      const whole = el.childElementCount === 0 ? '' : el.textContent.trim();
      if (whole && whole.length < 400) texts.push(whole);
      for (const a of ['aria-label', 'placeholder', 'title', 'alt']) { const v = el.getAttribute(a); if (v) texts.push(v.trim()); }
    }
    texts.push(document.title.replace(/ · Cairn$/, ''));
    const keySet = new Set(keys);
    const raw = [...new Set(texts.flatMap((x) => x.match(/\b[a-z]+(?:\.[a-zA-Z0-9]+){1,3}\b/g) ?? []).filter((k) => keySet.has(k)))];
    if (raw.length) out.push(`raw catalogue keys shown: ${raw.slice(0, 5).join(', ')}`);
    const patterns = english.map(([key, source, single]) => [key, new RegExp(`^${source}$`), single]);
    const left = new Set();
    const all = new Set(texts);
    const own = new Set(chrome);
    for (const [key, re, single] of patterns) for (const x of single ? own : all) if (re.test(x)) left.add(`${key} "${x.slice(0, 60)}"`);
    if (left.size) out.push(`English left on a Spanish page: ${[...left].slice(0, 6).join('; ')}${left.size > 6 ? ` … (${left.size})` : ''}`);
    return out;
  }, checks);
}

