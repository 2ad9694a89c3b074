import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import './theme.css';
import { MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { SessionProvider } from './auth/session';
import { App } from './app';
import { initialLanguage } from './i18n';
import { pickerTheme } from './components/picker-behaviour';

document.documentElement.lang = initialLanguage;

// Colours chosen for WCAG AA contrast on white (officials read this all day).
const theme = createTheme({
  primaryColor: 'red',
  primaryShade: 8,
  fontFamily: '"Noto Sans", "Segoe UI", Roboto, Arial, sans-serif',
  defaultRadius: 'sm',
  components: pickerTheme,
});

const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: true, retry: 1, staleTime: 5_000 } },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter basename="/console">
          <SessionProvider>
            <App />
          </SessionProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
