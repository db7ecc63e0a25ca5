/**
 * Entry of the task pane bundle. taskpane.html loads functions.js first, so the custom functions have
 * registered before this runs; nothing here delays them. Office.onReady decides Excel or preview.
 */
import { createRoot } from 'react-dom/client';
import { connectHost, watchOfficeTheme } from '../office/host';
import { App } from './App';

const root = createRoot(document.getElementById('root')!);
void connectHost().then((host) => {
  root.render(<App host={host} watchTheme={host.kind === 'excel' ? watchOfficeTheme : undefined} browserLocale={navigator.language} />);
});
