import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './ui/tokens.css';
import './ui/base.css';
import './ui/components.css';
import './i18n/index.ts'; // initialises i18next synchronously and sets <html lang>
import { applyDisplayMode } from './ui/preferences.ts';
import { App } from './App.tsx';

// Before the first render, so large-text users never see the small layout flash by.
applyDisplayMode();

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain #root');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
