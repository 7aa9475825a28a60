// Outside text in GitHub's Markdown: a cell of the job summary's table, or inline code in an alert issue.
import { inert, oneLine } from './outside.js';

/**
 * One table cell of the job summary, whatever the text: HTML and Markdown characters as entities, and line breaks
 * and other control characters as spaces, since a blank line would end the HTML table and let Markdown render.
 */
export function summaryCell(text: string): string {
  return oneLine(text).replace(/[&<>"'|@`*_[\]#~\\]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Text from outside (Coze's words, ids, inputs) as an inline code span: no link, image, mention, HTML or
 * cross-reference renders in it, and it stays readable. The fence is longer than any run of backticks inside;
 * a pipe is escaped, as GitHub's tables need even inside code.
 */
export function inertCode(text: string): string {
  const flat = inert(text).replace(/\|/g, '\\|');
  const fence = '`'.repeat(Math.max(0, ...[...flat.matchAll(/`+/g)].map((run) => run[0].length)) + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
