import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { PageLayout } from './ui/PageLayout.tsx';

// Each page is its own chunk: a citizen opening a shared procedure link never downloads the
// search page, and the shell (React, router, i18n, layout) is all the first paint waits for.
const HomePage = lazy(() => import('./portal/HomePage.tsx'));
const ProcedurePage = lazy(() => import('./portal/ProcedurePage.tsx'));
const SubmitPage = lazy(() => import('./portal/SubmitPage.tsx'));
const NotFoundPage = lazy(() => import('./portal/NotFoundPage.tsx'));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PageLayout />}>
        <Route index element={<HomePage />} />
        <Route path="thu-tuc/:code" element={<ProcedurePage />} />
        <Route path="nop-ho-so/:code" element={<SubmitPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
