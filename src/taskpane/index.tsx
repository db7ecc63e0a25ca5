import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<p>Customer Equity Planner</p>);
