/** A topic as the reader says it: a code from the list translated, a free tag as typed. */
import { TOPICS, type Topic } from '@buurthub/shared';
import { t } from '../i18n/i18n.js';

export function topicLabel(topic: string): string {
  return (TOPICS as readonly string[]).includes(topic)
    ? t(`directory.topic.${topic as Topic}`)
    : topic;
}
