export interface TestPostgres { url: string; port: number; stop(): void }
export function startTestPostgres(): Promise<TestPostgres>;
