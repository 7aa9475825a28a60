/**
 * One table cell of the job summary, whatever the text: HTML and Markdown characters as entities, and line breaks
 * and other control characters as spaces, since a blank line would end the HTML table and let Markdown render.
 */
export declare function summaryCell(text: string): string;
/**
 * Text from outside (Coze's words, ids, inputs) as an inline code span: no link, image, mention, HTML or
 * cross-reference renders in it, and it stays readable. The fence is longer than any run of backticks inside;
 * a pipe is escaped, as GitHub's tables need even inside code.
 */
export declare function inertCode(text: string): string;
