import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { PortalLayout } from './portal/PortalLayout.tsx';
import { Spinner } from './ui/Spinner.tsx';

// Each page is its own chunk: a citizen opening a shared procedure link never downloads the
// search page, and the shell (React, router, i18n, ui/AppShell) is all the first paint waits for.
const HomePage = lazy(() => import('./portal/HomePage.tsx'));
const ProcedurePage = lazy(() => import('./portal/ProcedurePage.tsx'));
const SubmitPage = lazy(() => import('./portal/SubmitPage.tsx'));
const NotFoundPage = lazy(() => import('./portal/NotFoundPage.tsx'));
const ReceiptPage = lazy(() => import('./portal/ReceiptPage.tsx'));
const MyDossiersPage = lazy(() => import('./portal/MyDossiersPage.tsx'));
const PaymentPage = lazy(() => import('./portal/PaymentPage.tsx'));
const LookupPage = lazy(() => import('./portal/LookupPage.tsx'));
const TransparencyPage = lazy(() => import('./portal/transparency/TransparencyPage.tsx'));
const RatePage = lazy(() => import('./voice/RatePage.tsx'));
const FeedbackPage = lazy(() => import('./voice/FeedbackPage.tsx'));
const OfficeFeedbackPage = lazy(() => import('./voice/OfficeFeedbackPage.tsx'));
// The back office has its own layout; citizens never download any of it.
const OfficeLayout = lazy(() => import('./office/OfficeLayout.tsx'));
const OfficeDashboardPage = lazy(() => import('./office/DashboardPage.tsx'));
const OfficeQueuePage = lazy(() => import('./office/QueuePage.tsx'));
const OfficeDossierPage = lazy(() => import('./office/DossierPage.tsx'));
const OfficeSlipPage = lazy(() => import('./office/SlipPage.tsx'));
const OfficeIntakePage = lazy(() => import('./office/IntakePage.tsx'));
const OfficeInsightsPage = lazy(() => import('./office/insights/InsightsPage.tsx'));
const OfficeDiscrepanciesPage = lazy(() => import('./office/discrepancies/DiscrepanciesPage.tsx'));
const OfficeCalendarPage = lazy(() => import('./office/reference/CalendarPage.tsx'));
const OfficeAgencyCodePage = lazy(() => import('./office/reference/AgencyCodePage.tsx'));
const OfficeReconciliationPage = lazy(() => import('./office/payments/ReconciliationPage.tsx'));
// The outreach field app: own layout, works offline (service worker + IndexedDB).
const FieldApp = lazy(() => import('./field/FieldApp.tsx'));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PortalLayout />}>
        <Route index element={<HomePage />} />
        <Route path="thu-tuc/:code" element={<ProcedurePage />} />
        <Route path="nop-ho-so/:code" element={<SubmitPage />} />
        <Route path="ho-so/:code/bien-nhan" element={<ReceiptPage />} />
        <Route path="ho-so-cua-toi" element={<MyDossiersPage />} />
        <Route path="ho-so/:code/thanh-toan" element={<PaymentPage />} />
        <Route path="tra-cuu" element={<LookupPage />} />
        <Route path="minh-bach" element={<TransparencyPage />} />
        <Route path="minh-bach/:code" element={<TransparencyPage />} />
        <Route path="danh-gia/:token" element={<RatePage />} />
        <Route path="phan-anh" element={<FeedbackPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      <Route
        path="can-bo"
        element={
          <Suspense fallback={<Spinner label="Đang tải… / Loading…" />}>
            <OfficeLayout />
          </Suspense>
        }
      >
        <Route index element={<OfficeDashboardPage />} />
        <Route path="ho-so" element={<OfficeQueuePage />} />
        <Route path="ho-so/:code" element={<OfficeDossierPage />} />
        <Route path="ho-so/:code/phieu/:kind" element={<OfficeSlipPage />} />
        <Route path="tiep-nhan" element={<OfficeIntakePage />} />
        <Route path="so-lieu" element={<OfficeInsightsPage />} />
        <Route path="sai-lech" element={<OfficeDiscrepanciesPage />} />
        <Route path="lich-nghi" element={<OfficeCalendarPage />} />
        <Route path="ma-co-quan" element={<OfficeAgencyCodePage />} />
        <Route path="doi-soat" element={<OfficeReconciliationPage />} />
        <Route path="phan-anh" element={<OfficeFeedbackPage />} />
      </Route>
      <Route
        path="luu-dong/*"
        element={
          <Suspense fallback={<Spinner label="Đang tải… / Loading…" />}>
            <FieldApp />
          </Suspense>
        }
      />
    </Routes>
  );
}
