import { resumeSend } from '../src/use-cases/control-send.ts';
import { controlHandler } from './control.ts';

/** POST /api/campaigns/{id}/resume — continues a halted send; nobody gets the message twice. */
export const handler = controlHandler(resumeSend);
