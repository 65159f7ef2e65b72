/**
 * Plain text of a post body or event description for the feeds: Buurthub markup parsed
 * into its safe tree (shared/src/markup.ts) and flattened to text (paragraphs apart, list
 * items on their own lines, links as "text (address)"). The feeds then escape this text
 * for their format; no user markup ever leaves as markup.
 */
import { markupToPlainText, parseMarkup } from '@buurthub/shared';

export function plainText(markup: string): string {
  return markupToPlainText(parseMarkup(markup));
}
