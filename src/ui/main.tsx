import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles/tokens.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/board.css';
import './styles/dj.css';
import './styles/map.css';
import './styles/panels.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
