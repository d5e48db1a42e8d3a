// `npm run token -- --role receptionist --unit 30421 [--label "Kiosk"] [--expires-days 90]`
// Prints only the new API token on stdout (so `TOKEN=$(npm run -s token -- ...)` works); everything
// else goes to stderr. Meant for a stopped installation: the embedded database allows one process.
import { parseArgs } from 'node:util';
import { loadConfig } from '../../platform/config.ts';
import { contextFor, openConfiguredDatabase, prepareDatabase, startFailed } from '../../services.ts';
import type { OfficialRole } from '../../platform/access.ts';
import { Problem } from '../../platform/errors.ts';
import { ALL_ROLES } from './officials.ts';
import { IdentityService } from './service.ts';

const usage = `Cách dùng / usage: npm run token -- --role <${ALL_ROLES.join('|')}> --unit <mã đơn vị> [--label <tên>] [--expires-days <n>]`;

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

const parseCliArgs = () =>
  parseArgs({
    options: { role: { type: 'string' }, unit: { type: 'string' }, label: { type: 'string' }, 'expires-days': { type: 'string' }, help: { type: 'boolean' } },
    strict: true,
  }).values;
let args: ReturnType<typeof parseCliArgs>;
try {
  args = parseCliArgs();
} catch (err) {
  fail(`${(err as Error).message}\n${usage}`);
}
if (args.help) fail(usage, 0);
const role = args.role as OfficialRole | undefined;
if (!role || !ALL_ROLES.includes(role)) fail(`Vai trò không hợp lệ / unknown role: ${role ?? '(none)'}\n${usage}`);
if (!args.unit || !/^[0-9]{2}([0-9]{3})?$/.test(args.unit)) fail(`Mã đơn vị không hợp lệ / bad unit code: ${args.unit ?? '(none)'}\n${usage}`);
const expiresInDays = args['expires-days'] ? Number(args['expires-days']) : undefined;
if (expiresInDays !== undefined && !(Number.isInteger(expiresInDays) && expiresInDays > 0))
  fail(`--expires-days phải là số nguyên dương / must be a positive integer\n${usage}`);

const config = loadConfig();
const handle = await openConfiguredDatabase(config).catch(startFailed);
try {
  const ctx = contextFor(config, handle);
  // A new data folder gets its schema, reference data and (if enabled) demo data first.
  await prepareDatabase(ctx, { demo: config.demoData });
  const created = await new IdentityService(ctx).tokens.create('cli', {
    role,
    unitCode: args.unit,
    ...(args.label ? { label: args.label } : {}),
    ...(expiresInDays ? { expiresInDays } : {}),
  });
  process.stderr.write(
    `Đã tạo mã truy cập ${created.id} (${created.role} @ ${created.unitCode}); mã chỉ hiện một lần. Created token ${created.id}; it is shown only once.\n`,
  );
  process.stdout.write(`${created.token}\n`);
} catch (err) {
  const message = err instanceof Problem ? `${err.messageVi} / ${err.messageEn}` : err instanceof Error ? err.message : String(err);
  process.exitCode = 1;
  process.stderr.write(`${message}\n`);
} finally {
  await handle.close();
}
