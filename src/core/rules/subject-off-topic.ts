import type { CheckContext } from '../check/context.ts';
import { foldWords } from '../text/fold.ts';
import type { ShapeFacts } from '../check/message-facts.ts';
import { say, type MessageRule, type Observation } from './rule.ts';

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
  isPerShape: false,
  check({ subject, shape }, ctx) {
    // A subject without recipient values is the same for the whole shape: judge it once.
    const isShared = subject === shape.subject;
    const known = isShared ? verdicts.get(shape) : undefined;
    if (known !== undefined) return known;
    const result = namesTheEvent(subject, ctx) ? [] : offTopic(subject, ctx);
    if (isShared) verdicts.set(shape, result);
    return result;
  },
};

const verdicts = new WeakMap<ShapeFacts, Observation[]>();

function offTopic(subject: string, ctx: CheckContext): Observation[] {
  const { language, title, keywords } = ctx.self.event;
  return [
    {
      message: say(
        language,
        `l’objet « ${subject} » ne cite ni le titre de l’événement ni aucun de ses mots-clés`,
        `the subject « ${subject} » names neither the event's title nor any of its keywords`,
      ),
      expected: say(
        language,
        `« ${title} » ou l’un de ces mots-clés : ${keywords.join(', ') || '(aucun mot-clé)'}`,
        `« ${title} » or one of: ${keywords.join(', ') || '(no keywords)'}`,
      ),
      found: subject,
    },
  ];
}
