/** Decision 766 indicators and the rollup they are computed from: pure, shared by server and browser. */
export * from './indicators.ts';
export * from './rollup.ts';
