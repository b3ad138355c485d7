import { h } from './dom';

/**
 * The small Markdown subset criteria narratives use (## headings, - and 1. lists, **bold**, paragraphs), built as
 * DOM nodes with textContent only: author text can never become markup.
 */
export function markdown(text: string): HTMLElement {
  const root = h('div', { class: 'narrative' });
  const inline = (s: string): Array<Node | string> => s.split(/(\*\*[^*]+\*\*)/).map((part) =>
    part.startsWith('**') && part.endsWith('**') && part.length > 4 ? h('strong', {}, part.slice(2, -2)) : part);
  let list: HTMLElement | null = null;
  let para: string[] = [];
  const flush = () => {
    if (para.length) root.append(h('p', {}, inline(para.join(' '))));
    para = [];
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const heading = line.match(/^(#{1,6})\s+(.*)$/);
    const bullet = line.match(/^[-*]\s+(.*)$/);
    const numbered = line.match(/^\d+[.)]\s+(.*)$/);
    if (!line) { flush(); list = null; continue; }
    if (heading) { flush(); list = null; root.append(h(heading[1].length <= 2 ? 'h3' : 'h4', {}, inline(heading[2]))); continue; }
    if (bullet || numbered) {
      flush();
      const tag = bullet ? 'ul' : 'ol';
      if (!list || list.tagName.toLowerCase() !== tag) { list = h(tag, {}); root.append(list); }
      list.append(h('li', {}, inline((bullet ?? numbered)![1])));
      continue;
    }
    list = null;
    para.push(line);
  }
  flush();
  return root;
}
