/**
 * The payments module's port: collecting a dossier's fee (VNPAY online, cash at the desk),
 * receipts and refunds. Other modules never query its tables.
 */
import type { AppContext } from '../../platform/context.ts';
import type { DossierService } from '../dossiers/index.ts';
import type { ResultsService } from '../results/index.ts';
import type { BlobStore } from '../uploads/index.ts';
import { VnpayGateway } from './gateway.ts';
import { PaymentsService } from './service.ts';

export { PaymentsService } from './service.ts';
export { paymentsRoutes } from './routes.ts';
export { sandboxVnpayRoutes } from './sandbox.ts';
export { VnpayGateway, fetchTransport, type PaymentGateway, type Transport } from './gateway.ts';
export { startPaymentQueries } from './worker.ts';
export { onlinePaymentTally, ONLINE_PAYMENT_METHODS } from './figures.ts';

export function createPayments(ctx: AppContext, deps: { dossiers: DossierService; results: ResultsService; blobs: BlobStore }): PaymentsService {
  return new PaymentsService(ctx, { ...deps, gateway: new VnpayGateway(ctx.config.payments) });
}
