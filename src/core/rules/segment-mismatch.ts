import { say, type MessageRule } from './rule.ts';

/** segment.mismatch: a no-show thanked for attending, or an attendee told they missed the event. */
export const segmentMismatch: MessageRule = {
  id: 'segment.mismatch',
  defaultSeverity: 'block',
  scope: 'message',
  isPerShape: true,
  check({ shape, recipient }, ctx) {
    const language = ctx.self.event.language;
    return shape.attendance.flatMap((claim) => {
      if (claim.claim === 'attended' && !recipient.attended) {
        return [
          {
            message: say(
              language,
              `un destinataire qui n’a pas assisté à l’événement lit « ${claim.phrase} »`,
              `a recipient who did not attend is told « ${claim.phrase} »`,
            ),
            expected: say(
              language,
              'pas de remerciement pour la participation aux personnes absentes (utilisez {{#if recipient.attended}})',
              'no thanks for attending to a no-show (use {{#if recipient.attended}})',
            ),
            found: say(language, `« ${claim.phrase} » envoyé à une personne absente`, `« ${claim.phrase} » sent to a no-show`),
          },
        ];
      }
      if (claim.claim === 'missed' && recipient.attended) {
        return [
          {
            message: say(
              language,
              `un destinataire qui a assisté à l’événement lit « ${claim.phrase} »`,
              `a recipient who attended is told « ${claim.phrase} »`,
            ),
            expected: say(
              language,
              'pas de « vous n’avez pas pu assister » aux personnes présentes (utilisez {{#if recipient.attended}})',
              'no "you missed it" to an attendee (use {{#if recipient.attended}})',
            ),
            found: say(language, `« ${claim.phrase} » envoyé à une personne présente`, `« ${claim.phrase} » sent to an attendee`),
          },
        ];
      }
      return [];
    });
  },
};
