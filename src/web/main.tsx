import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './app/app.css';
import { initI18n } from './i18n/i18n.ts';

initI18n();
const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
