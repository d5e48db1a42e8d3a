import { BrowserRouter } from 'react-router';
import { AppRoutes } from './routes.tsx';
import { SessionProvider } from './session/SessionProvider.tsx';

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <AppRoutes />
      </SessionProvider>
    </BrowserRouter>
  );
}
