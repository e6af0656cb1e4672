import type { AnyNode, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { findAll, findOne, getAttributeValue, removeElement, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { SectionBuilder } from '../section-builder.ts';
import type { FormatResult } from './format-result.ts';
import { tableRowTexts } from './table-rows.ts';

// Site chrome and scripts: retrieval measured worse with navigation and tables of contents in the index.
const DROPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'aside',
  'form',
  'button',
  'select',
  'iframe',
  'svg',
  'canvas',
  'menu',
  'dialog',
  'head',
]);
const DROPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'menu', 'menubar', 'complementary']);
const CHROME_NAME =
  /(^|[\s_-])(nav|navbar|navigation|menu|breadcrumbs?|sidebar|toc|table-of-contents|pagination|skip-link|cookie-banner)($|[\s_-])/i;
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
  'address',
  'details',
  'summary',
  'dl',
  'dt',
  'dd',
  'body',
  'html',
  'header',
  'footer',
  'center',
  'hr',
  'br',
]);

export function readHtml(html: string): FormatResult {
  const doc = parseDocument(html, { decodeEntities: true });
  const title = textContent(findOne((e) => e.name === 'title', doc.children) ?? []).trim() || undefined;
  const root = contentRoot(doc.children);
  for (const element of findAll(isChrome(root), root.children)) removeElement(element);
  for (const list of findAll((e) => e.name === 'ul' || e.name === 'ol', root.children)) {
    if (isLinkList(list)) removeElement(list);
  }
  const builder = new SectionBuilder();
  new HtmlWalker(builder).walk(root.children);
  return { title, sections: builder.sections(), firstHeading: builder.firstHeading() };
}

/** <main>, else the one <article>, else <body>: what's outside is site chrome when a page marks its content. */
function contentRoot(nodes: AnyNode[]): Element {
  const main = findOne((e) => e.name === 'main' || getAttributeValue(e, 'role') === 'main', nodes);
  if (main) return main;
  const articles = findAll((e) => e.name === 'article', nodes);
  if (articles.length === 1) return articles[0]!;
  const body = findOne((e) => e.name === 'body', nodes);
  if (body) return body;
  return { name: 'body', children: nodes, attribs: {} } as unknown as Element;
}

function isChrome(root: Element): (e: Element) => boolean {
  const pageLevel = root.name === 'body';
  return (e) => {
    if (DROPPED_TAGS.has(e.name)) return true;
    if (pageLevel && (e.name === 'header' || e.name === 'footer')) return true;
    if (e.name === 'footer' && e.parent === root) return true;
    const role = getAttributeValue(e, 'role');
    if (role && DROPPED_ROLES.has(role)) return true;
    if (getAttributeValue(e, 'aria-hidden') === 'true' || 'hidden' in e.attribs) return true;
    const names = `${getAttributeValue(e, 'id') ?? ''} ${getAttributeValue(e, 'class') ?? ''}`;
    return CHROME_NAME.test(names);
  };
}

/** A list whose items are nothing but links is a menu or a table of contents. */
function isLinkList(list: Element): boolean {
  const items = list.children.filter((c): c is Element => isTag(c) && c.name === 'li');
  if (items.length < 3) return false;
  const linkOnly = items.filter((li) => {
    const own = textContent(li).trim();
    const linked = findAll((e) => e.name === 'a', li.children)
      .map((a) => textContent(a))
      .join('')
      .trim();
    return own.length > 0 && linked.length >= own.length * 0.9;
  });
  return linkOnly.length >= items.length * 0.8;
}

class HtmlWalker {
  readonly #builder: SectionBuilder;
  #inline = '';

  constructor(builder: SectionBuilder) {
    this.#builder = builder;
  }

  walk(nodes: AnyNode[]): void {
    for (const node of nodes) this.#visit(node);
    this.#flush();
  }

  #visit(node: AnyNode): void {
    if (isText(node)) {
      this.#inline += node.data;
      return;
    }
    if (!isTag(node)) return;
    const heading = /^h([1-6])$/.exec(node.name);
    if (heading) {
      this.#flush();
      this.#builder.heading(Number(heading[1]), textContent(node));
    } else if (node.name === 'table') {
      this.#flush();
      this.#table(node);
    } else if (node.name === 'ul' || node.name === 'ol') {
      this.#flush();
      this.#list(node);
    } else if (node.name === 'li') {
      this.#flush();
      this.#listItem(node);
    } else if (BLOCK_TAGS.has(node.name)) {
      this.#flush();
      for (const child of node.children) this.#visit(child);
      this.#flush();
    } else {
      for (const child of node.children) this.#visit(child);
    }
  }

  #flush(): void {
    this.#builder.block('paragraph', this.#inline);
    this.#inline = '';
  }

  #list(list: Element): void {
    for (const child of list.children) {
      if (isTag(child) && child.name === 'li') this.#listItem(child);
      else this.#visit(child);
    }
    this.#flush();
  }

  #listItem(li: Element): void {
    const nested: Element[] = [];
    let text = '';
    const collect = (nodes: AnyNode[]): void => {
      for (const n of nodes) {
        if (isTag(n) && (n.name === 'ul' || n.name === 'ol' || n.name === 'table')) nested.push(n);
        else if (isText(n)) text += n.data;
        else if (isTag(n)) {
          if (BLOCK_TAGS.has(n.name)) text += ' ';
          collect(n.children);
        }
      }
    };
    collect(li.children);
    this.#builder.block('list_item', text);
    for (const n of nested) this.#visit(n);
  }

  #table(table: Element): void {
    const rows = findAll((e) => e.name === 'tr', table.children).filter((tr) => closestTable(tr) === table);
    const cells = (tr: Element) =>
      tr.children.filter((c): c is Element => isTag(c) && (c.name === 'td' || c.name === 'th'));
    const first = rows[0];
    const headed = first && cells(first).every((c) => c.name === 'th');
    const header = headed ? cells(first).map((c) => textContent(c)) : undefined;
    const body = (headed ? rows.slice(1) : rows).map((tr) => cells(tr).map((c) => textContent(c)));
    const caption = findOne((e) => e.name === 'caption', table.children, false);
    if (caption) this.#builder.block('paragraph', textContent(caption));
    for (const text of tableRowTexts(header, body)) this.#builder.block('table_row', text);
  }
}

function closestTable(node: Element): Element | undefined {
  let parent = node.parent;
  while (parent && !(isTag(parent) && parent.name === 'table')) parent = parent.parent;
  return parent ?? undefined;
}
