import type { MessageRule } from './rule.ts';

/** segment.mismatch: a no-show thanked for attending, or an attendee told they missed the event. */
export const segmentMismatch: MessageRule = {
  id: 'segment.mismatch',
  defaultSeverity: 'block',
  scope: 'message',
  isPerShape: true,
  check({ shape, recipient }) {
    return shape.attendance.flatMap((claim) => {
      if (claim.claim === 'attended' && !recipient.attended) {
        return [
          {
            message: `a recipient who did not attend is told « ${claim.phrase} »`,
            expected: 'no thanks for attending to a no-show (use {{#if recipient.attended}})',
            found: `« ${claim.phrase} » sent to a no-show`,
          },
        ];
      }
      if (claim.claim === 'missed' && recipient.attended) {
        return [
          {
            message: `a recipient who attended is told « ${claim.phrase} »`,
            expected: 'no "you missed it" to an attendee (use {{#if recipient.attended}})',
            found: `« ${claim.phrase} » sent to an attendee`,
          },
        ];
      }
      return [];
    });
  },
};
