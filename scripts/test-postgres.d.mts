export interface TestPostgres {
  url: string;
  port: number;
  dataDir: string;
  /** `pg_ctl restart -m <mode> -w`; resolves once the server accepts connections again. */
  restart(mode?: 'smart' | 'fast' | 'immediate'): Promise<void>;
  stop(): void;
}
export interface TestPostgresOptions {
  /** Listen on this port (default: a free one). */
  port?: number;
  /** fsync on (the suite's cluster runs with fsync off). */
  durable?: boolean;
}
export function startTestPostgres(options?: TestPostgresOptions): Promise<TestPostgres>;
