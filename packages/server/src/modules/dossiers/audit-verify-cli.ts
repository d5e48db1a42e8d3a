// `npm run audit:verify`: walks every hash chain of the audit log (one per unit) on the configured
// database; exits 1 naming the first edited or deleted entry and its chain.
import { loadConfig } from '../../platform/config.ts';
import { openConfiguredDatabase, startFailed } from '../../platform/bootstrap.ts';
import { verifyAuditChain } from '../audit/audit.ts';

const handle = await openConfiguredDatabase(loadConfig()).catch(startFailed);
try {
  const result = await verifyAuditChain(handle.db);
  if (result.ok) {
    console.log(`Nhật ký kiểm toán nguyên vẹn — audit log intact: ${result.entries} entries verified in ${result.chains} chain(s).`);
  } else {
    console.error(`Nhật ký kiểm toán bị can thiệp — audit log tampered: ${result.message} (entry ${result.entryId}, ${result.problem}; ${result.entries} entries verified before it).`);
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
