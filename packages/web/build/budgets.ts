import type { RouteBudget } from './jsBudget.ts';

/**
 * First-visit JavaScript budgets (gzip). The home page is what most citizens open first; the
 * wizard and the office pages may carry more, but must still be usable within a few seconds on
 * 3G (the receipt's QR library loads after the page and is not counted). bench/web-bundle.bench.ts reports the same routes against a React-only baseline.
 */
export const ROUTE_BUDGETS: readonly (RouteBudget & { name: string })[] = [
  { name: 'home', route: 'src/portal/HomePage.tsx', maxGzipKb: 150 },
  { name: 'procedure', route: 'src/portal/ProcedurePage.tsx', maxGzipKb: 150 },
  { name: 'wizard', route: 'src/portal/SubmitPage.tsx', maxGzipKb: 170 },
  { name: 'receipt', route: 'src/portal/ReceiptPage.tsx', maxGzipKb: 150 },
  { name: 'my dossiers', route: 'src/portal/MyDossiersPage.tsx', maxGzipKb: 150 },
  { name: 'look-up', route: 'src/portal/LookupPage.tsx', maxGzipKb: 150 },
  { name: 'transparency', route: 'src/portal/transparency/TransparencyPage.tsx', maxGzipKb: 150 },
  { name: 'office dashboard', route: ['src/office/OfficeLayout.tsx', 'src/office/DashboardPage.tsx'], maxGzipKb: 170 },
  { name: 'office queue', route: ['src/office/OfficeLayout.tsx', 'src/office/QueuePage.tsx'], maxGzipKb: 170 },
  { name: 'office dossier', route: ['src/office/OfficeLayout.tsx', 'src/office/DossierPage.tsx'], maxGzipKb: 170 },
  { name: 'office intake', route: ['src/office/OfficeLayout.tsx', 'src/office/IntakePage.tsx'], maxGzipKb: 170 },
  { name: 'office figures', route: ['src/office/OfficeLayout.tsx', 'src/office/insights/InsightsPage.tsx'], maxGzipKb: 170 },
];
