// The repository's Markdown as GitHub renders it, as far as the documentation tests need: which files there are,
// their fenced code blocks, their headings' anchors (GitHub's slugs), and every relative link and #anchor that does
// not resolve.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Folders that hold no documentation of this repository: dependencies, builds, reports. */
const SKIPPED = new Set(['node_modules', '.git', 'dist', 'build', 'reports', 'coverage', '.stryker-tmp']);

/** Every Markdown file of the repository, relative to root with `/` separators, sorted. */
export function markdownFiles(root: string, folder = root): string[] {
  return readdirSync(folder)
    .flatMap((entry) => {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) return SKIPPED.has(entry) ? [] : markdownFiles(root, path);
      return entry.toLowerCase().endsWith('.md') ? [relative(root, path).split(sep).join('/')] : [];
    })
    .sort();
}

interface Line {
  /** 1-based. */
  number: number;
  text: string;
  /** Inside a fenced code block, fences included. */
  code: boolean;
}

/** The lines of a Markdown text, each marked whether it belongs to a fenced code block. */
function lines(markdown: string): Line[] {
  let fence: { char: string; length: number } | undefined;
  return markdown.split(/\r?\n/).map((text, index) => {
    const bare = text.replace(/^(?: {0,3}>)+ ?/, '');
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(bare)?.[1];
    if (
      fence === undefined &&
      marker !== undefined &&
      !(marker[0] === '`' && bare.slice(bare.indexOf(marker) + marker.length).includes('`'))
    ) {
      fence = { char: marker[0] as string, length: marker.length };
      return { number: index + 1, text, code: true };
    }
    if (fence !== undefined) {
      const closing =
        marker !== undefined &&
        marker[0] === fence.char &&
        marker.length >= fence.length &&
        /^ {0,3}[`~]+[ \t]*$/.test(bare);
      if (closing) fence = undefined;
      return { number: index + 1, text, code: true };
    }
    return { number: index + 1, text, code: false };
  });
}

/** The contents of the fenced code blocks of one language (```ts, ```yaml …), in order. */
export function codeBlocks(markdown: string, language: string): string[] {
  const blocks: string[] = [];
  let open: { fence: RegExp; language: string; body: string[] } | undefined;
  for (const text of markdown.split(/\r?\n/)) {
    if (open === undefined) {
      const fence = /^ {0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)/.exec(text);
      if (fence) {
        const marker = fence[1] as string;
        open = {
          fence: new RegExp(`^ {0,3}\\${marker[0]}{${marker.length},}[ \\t]*$`),
          language: fence[2] as string,
          body: [],
        };
      }
    } else if (open.fence.test(text)) {
      if (open.language === language) blocks.push(`${open.body.join('\n')}\n`);
      open = undefined;
    } else open.body.push(text);
  }
  return blocks;
}

/** Characters GitHub's slugger drops: all but letters, marks, decimal and letter numbers, connectors, `-` and space. */
const DROPPED = /[^\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc}\p{Alphabetic} -]/gu;

/** GitHub's anchor for a heading's text (github-slugger): lower case, punctuation and symbols dropped, spaces to `-`. */
export function slug(text: string): string {
  return text.toLowerCase().replace(DROPPED, '').replace(/ /g, '-');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The text a heading renders as: code spans' content kept as written, link text kept, markup and tags dropped. */
export function headingText(source: string): string {
  const parts = source.split(/(`+)([\s\S]*?[^`])\1(?!`)/);
  let text = '';
  for (let i = 0; i < parts.length; i += 3) {
    text += (parts[i] as string)
      .replace(/<[^>]*>/g, '')
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
      .replace(/(?<![\p{L}\p{N}_\\])(\*{1,3}|_{1,3})(?=\S)([\s\S]*?\S)\1(?![\p{L}\p{N}_])/gu, '$2')
      .replace(/\\([!-/:-@[-`{-~])/g, '$1')
      .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
        if (name[0] === '#')
          return String.fromCodePoint(
            name[1]?.toLowerCase() === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1)),
          );
        return ENTITIES[name.toLowerCase()] ?? entity;
      });
    if (i + 2 < parts.length) {
      // A code span: its content as written, one space at each end stripped when both are there.
      const code = (parts[i + 2] as string).replace(/\n/g, ' ');
      text += /^ .* $/.test(code) && code.trim() !== '' ? code.slice(1, -1) : code;
    }
  }
  return text;
}

/** The anchors a Markdown text offers: its headings' slugs, numbered as GitHub numbers repeats, and HTML ids and names. */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const found = new Set<string>();
  const add = (base: string) => {
    let anchor = base;
    while (seen.has(anchor)) {
      const count = (seen.get(base) ?? 0) + 1;
      seen.set(base, count);
      anchor = `${base}-${count}`;
    }
    seen.set(anchor, 0);
    found.add(anchor);
  };
  const all = lines(markdown);
  all.forEach((line, index) => {
    if (line.code) return;
    const text = line.text.replace(/^(?: {0,3}>)+ ?/, '');
    const atx = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?[ \t]*$/.exec(text);
    if (atx) {
      add(slug(headingText((atx[1] ?? '').replace(/(?:^|[ \t]+)#+$/, '').trim())));
    } else {
      const next = all[index + 1];
      const paragraph = text.trim() !== '' && !/^ {0,3}([-*+>|]|\d+[.)]|<)/.test(text);
      if (next && !next.code && paragraph && /^ {0,3}(=+|-+)[ \t]*$/.test(next.text))
        add(slug(headingText(text.trim())));
    }
    for (const match of line.text.matchAll(/<[a-z][^>]*?\s(?:id|name)\s*=\s*["']([^"']+)["']/gi))
      found.add(match[1] as string);
  });
  return found;
}

/** The link targets of a Markdown text outside code, with their line numbers: inline links, images, references, HTML. */
export function linkTargets(markdown: string): Array<{ line: number; target: string }> {
  const targets: Array<{ line: number; target: string }> = [];
  const prose = lines(markdown.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' ')));
  for (const line of prose) {
    if (line.code) continue;
    const text = line.text.replace(/(`+)[\s\S]*?[^`]\1(?!`)/g, '');
    const found = [
      ...[...text.matchAll(/\]\(\s*(<[^>]*>|[^)\s]*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g)].map(
        (match) => match[1] as string,
      ),
      ...[...text.matchAll(/^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/g)].map((match) => match[1] as string),
      ...[...text.matchAll(/\s(?:href|src)\s*=\s*["']([^"']*)["']/gi)].map((match) => match[1] as string),
    ];
    for (const target of found) targets.push({ line: line.number, target: target.replace(/^<(.*)>$/, '$1') });
  }
  return targets;
}

/** Whether a link leaves the repository: a scheme (https:, mailto:) or a protocol-relative URL. */
const external = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');

/**
 * Every relative link of these Markdown files (all of the repository's, by default) whose file does not exist, or
 * whose #anchor is not a heading or id of the Markdown file it points to, as `file:line: target (why)`.
 */
export function brokenLinks(root: string, files = markdownFiles(root)): string[] {
  const cache = new Map<string, Set<string>>();
  const anchorsOf = (path: string) => {
    let found = cache.get(path);
    if (!found) {
      found = anchors(readFileSync(path, 'utf8'));
      cache.set(path, found);
    }
    return found;
  };
  const top = resolve(root);
  return files.flatMap((file) => {
    const from = join(root, file);
    return linkTargets(readFileSync(from, 'utf8')).flatMap(({ line, target }) => {
      if (target === '' || external(target)) return [];
      const hash = target.indexOf('#');
      const pathPart = hash === -1 ? target : target.slice(0, hash);
      const fragment = hash === -1 ? undefined : target.slice(hash + 1);
      let path: string;
      let anchor: string | undefined;
      try {
        path =
          pathPart === ''
            ? from
            : resolve(
                pathPart.startsWith('/') ? top : dirname(from),
                `.${sep}${decodeURIComponent(pathPart.split('?')[0] as string)}`,
              );
        anchor = fragment === undefined ? undefined : decodeURIComponent(fragment);
      } catch {
        return [`${file}:${line}: ${target} (not a valid URL)`];
      }
      if (path !== top && !path.startsWith(`${top}${sep}`))
        return [`${file}:${line}: ${target} (outside the repository)`];
      if (!existsSync(path)) return [`${file}:${line}: ${target} (no such file)`];
      if (anchor === undefined || anchor === '' || !path.toLowerCase().endsWith('.md') || statSync(path).isDirectory())
        return [];
      if (/^L\d+(?:-L\d+)?$/.test(anchor)) return [];
      return anchorsOf(path).has(anchor) ? [] : [`${file}:${line}: ${target} (no heading with that anchor)`];
    });
  });
}
