import type { FeedbackService } from './service.ts';

/**
 * The PAKN reminder and escalation sweep on a timer in the worker process (src/workers.ts): a
 * deadline passes whether or not anyone opens the queue. Each item is marked once, so several
 * workers on one database send each reminder once.
 */
export function startFeedbackSweep(
  feedback: FeedbackService,
  log: { error(obj: unknown, msg?: string): void },
  everyMs = 10 * 60_000,
): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = feedback
      .sweep()
      .catch((err) => log.error({ err }, 'feedback: reminder sweep failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
