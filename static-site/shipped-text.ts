/**
 * What the build ships is for the merchant's browser: the notes the source keeps for the next
 * engineer (HTML and SVG comments) are dropped, and a comment that filled a line takes its line along.
 */
const COMMENT_LINE = /^[ \t]*<!--[\s\S]*?-->[ \t]*\r?\n/gm;
const COMMENT = /<!--[\s\S]*?-->/g;

export function withoutComments(markup: string): string {
  return markup.replace(COMMENT_LINE, '').replace(COMMENT, '');
}
