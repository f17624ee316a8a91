import { haltSend } from '../src/use-cases/control-send.ts';
import { controlHandler } from './control.ts';

/** POST /api/campaigns/{id}/halt — stops the send within the batch in flight (organiser or approver). */
export const handler = controlHandler(haltSend);
