import type { PaymentsService } from './service.ts';

/**
 * The querydr sweep: an IPN can be lost (the gateway gives up after its retries, our server was
 * down), so every few minutes each online order still unconfirmed after 5 minutes is asked about
 * with the gateway's signed transaction query, and its answer recorded exactly as an IPN would be
 * (the same conditional move, so a late IPN afterwards answers 02 and changes nothing).
 */
export function startPaymentQueries(payments: PaymentsService, log: { error(obj: unknown, msg?: string): void }, everyMs = 60_000): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    payments
      .queryUnconfirmed()
      .catch((err) => log.error({ err }, 'payments: querydr sweep failed'))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
