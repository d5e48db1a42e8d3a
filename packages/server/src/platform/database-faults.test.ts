import { describe, expect, it } from 'vitest';
import { databaseFault, databaseProblem } from './errors.ts';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('databaseFault: which errors mean the database is away, not that the request is wrong', () => {
  it.each([
    ['57P01 admin_shutdown (pg_ctl -m fast, pg_terminate_backend)', withCode('57P01', 'terminating connection due to administrator command')],
    ['57P02 crash_shutdown (pg_ctl -m immediate)', withCode('57P02')],
    ['57P03 cannot_connect_now (starting up, in recovery)', withCode('57P03', 'the database system is starting up')],
    ['08006 connection_failure', withCode('08006')],
    ['08001 unable to connect', withCode('08001')],
    ['53300 too_many_connections', withCode('53300')],
    ['ECONNREFUSED', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['ECONNRESET', withCode('ECONNRESET', 'read ECONNRESET')],
    ['a dropped socket', new Error('Connection terminated unexpectedly')],
    ['a client unusable after its connection broke', new Error('Client has encountered a connection error and is not queryable')],
    ['the pool waiting too long for a connection', new Error('timeout exceeded when trying to connect')],
    ['a closed PGlite', new Error('PGlite is closed')],
    ['a refusal wrapped as a cause', new Error('query failed', { cause: withCode('ECONNREFUSED') })],
    ['every address refused (AggregateError)', new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], 'connect failed')],
  ])('%s → unavailable', (_name, err) => {
    expect(databaseFault(err)).toBe('unavailable');
  });

  it('sees a full disk (53100) as storage_full', () => {
    expect(databaseFault(withCode('53100', 'could not extend file "base/5/17085": No space left on device'))).toBe('storage_full');
  });

  it.each([
    ['a unique violation', withCode('23505', 'duplicate key value violates unique constraint')],
    ['invalid input (22P02)', withCode('22P02', 'invalid input syntax for type uuid')],
    ['a NUL byte (22021)', withCode('22021', 'invalid byte sequence for encoding "UTF8": 0x00')],
    ['a serialization failure', withCode('40001')],
    ['a plain bug', new TypeError('cannot read properties of undefined')],
    ['not an error at all', 'boom'],
  ])('%s → not a database fault', (_name, err) => {
    expect(databaseFault(err)).toBeNull();
  });

  it('answers 503 problem+json with Retry-After and both languages', () => {
    const p = databaseProblem('unavailable');
    expect(p.status).toBe(503);
    expect(p.code).toBe('database_unavailable');
    expect(Number(p.headers['retry-after'])).toBeGreaterThan(0);
    expect(p.messageVi).toMatch(/cơ sở dữ liệu/);
    expect(p.messageEn).toMatch(/database/);
    expect(databaseProblem('storage_full').code).toBe('storage_full');
  });
});
