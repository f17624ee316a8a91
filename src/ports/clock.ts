/** Time, injected so that expiries, canary windows and pacing are testable without waiting. */
export interface Clock {
  now(): Date;
  /** Resolves after `ms` milliseconds of this clock's time. */
  sleep(ms: number): Promise<void>;
}
