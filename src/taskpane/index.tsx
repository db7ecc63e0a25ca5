/**
 * Entry of the task pane bundle. taskpane.html loads functions.js first, so the custom functions have
 * registered before this runs; nothing here delays them. Office.onReady decides Excel or preview.
 */
import { createRoot } from 'react-dom/client';
import { connectHost, OFFICE_ANSWER_MS, watchOfficeHelpers, watchOfficeTheme, type HostInfo } from '../office/host';
import { App } from './App';

// First thing: office.js may still be fetching its helper files, and a failed one means Office never answers.
const helperFailed = watchOfficeHelpers();
const root = createRoot(document.getElementById('root')!);
const render = (host: HostInfo) =>
  root.render(<App host={host} watchTheme={host.kind === 'excel' ? watchOfficeTheme : undefined} browserLocale={navigator.language} />);
void connectHost(undefined, OFFICE_ANSWER_MS, helperFailed).then((host) => {
  render(host);
  // Office answered after the pane had opened as a preview: it is Excel after all (the edits are kept).
  void host.late?.then((excel) => excel && render(excel));
});
