import { dateMismatch } from './date-mismatch.ts';
import { dateUnexpected } from './date-unexpected.ts';
import { dateWeekday } from './date-weekday.ts';
import { draftEventMismatch } from './draft-event-mismatch.ts';
import { eventConflict } from './event-conflict.ts';
import { eventNotEnded } from './event-not-ended.ts';
import { eventReused } from './event-reused.ts';
import { fieldMissing } from './field-missing.ts';
import { greetingMismatch } from './greeting-mismatch.ts';
import { headerInjection } from './header-injection.ts';
import { linkDeceptive } from './link-deceptive.ts';
import { linkMismatch } from './link-mismatch.ts';
import { linkUnknown } from './link-unknown.ts';
import { linkUnsafe } from './link-unsafe.ts';
import { placeholderLeftover } from './placeholder-leftover.ts';
import { recipientLeak } from './recipient-leak.ts';
import { recipientsDuplicate } from './recipients-duplicate.ts';
import { recipientsEmpty } from './recipients-empty.ts';
import { recipientsInvalid } from './recipients-invalid.ts';
import type { Rule } from './rule.ts';
import { segmentMismatch } from './segment-mismatch.ts';
import { sizeClipped } from './size-clipped.ts';
import { staleReference } from './stale-reference.ts';
import { subjectOffTopic } from './subject-off-topic.ts';
import { templateInvalid } from './template-invalid.ts';
import { topicOff } from './topic-off.ts';
import { unsubscribeMissing } from './unsubscribe-missing.ts';

/** Every rule the guard runs, in the order of the contract's table (then the rules added to it). */
export const RULES: readonly Rule[] = [
  templateInvalid,
  draftEventMismatch,
  fieldMissing,
  placeholderLeftover,
  staleReference,
  dateWeekday,
  dateMismatch,
  dateUnexpected,
  linkUnsafe,
  linkDeceptive,
  linkMismatch,
  linkUnknown,
  topicOff,
  segmentMismatch,
  recipientLeak,
  greetingMismatch,
  unsubscribeMissing,
  recipientsEmpty,
  recipientsInvalid,
  recipientsDuplicate,
  eventReused,
  eventNotEnded,
  eventConflict,
  sizeClipped,
  subjectOffTopic,
  headerInjection,
];
