import type { Services } from './services.ts';

/**
 * The `isOutOfTime` of a check that starts now: true once `settings.checkBudgetMs` has passed on the
 * services' clock. The check then blocks the recipients it has not reached (`check.incomplete`), so a
 * slow check answers with a blocked verdict instead of a timed-out request.
 */
export function checkBudget(services: Pick<Services, 'clock' | 'settings'>): () => boolean {
  const startedAt = services.clock.now().getTime();
  return () => services.clock.now().getTime() - startedAt > services.settings.checkBudgetMs;
}
