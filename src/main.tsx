import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { parseUrlOptions } from './app/urlOptions';
import './app/theme.css';

const { options, present, problems, lesson } = parseUrlOptions(window.location.search);

const root = document.getElementById('root');
if (!root) throw new Error('Lambda Café: #root element missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App options={{ ...options, problems }} present={present} lesson={lesson} />
  </StrictMode>,
);
