import type { CheckContext } from '../check/context.ts';
import { foldWords } from '../text/fold.ts';
import type { MessageRule } from './rule.ts';

function namesTheEvent(subject: string, ctx: CheckContext): boolean {
  const words = foldWords(subject);
  const { titleWords, titleHeadWords, event } = ctx.self;
  if (words.includes(titleWords) || (titleHeadWords && words.includes(titleHeadWords))) return true;
  return event.keywords.some((k) => {
    const keyword = foldWords(k);
    return keyword.trim() !== '' && words.includes(keyword);
  });
}

/** subject.off-topic: the subject names neither the event's title nor any of its keywords. */
export const subjectOffTopic: MessageRule = {
  id: 'subject.off-topic',
  defaultSeverity: 'warn',
  scope: 'message',
  check({ subject }, ctx) {
    if (namesTheEvent(subject, ctx)) return [];
    return [
      {
        message: `the subject « ${subject} » names neither the event's title nor any of its keywords`,
        expected: `« ${ctx.self.event.title} » or one of: ${ctx.self.event.keywords.join(', ') || '(no keywords)'}`,
        found: subject,
      },
    ];
  },
};
