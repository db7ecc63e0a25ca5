export { WorkbookPanel, type WorkbookPanelProps, type WorkbookActions, type SavedStoreView, type SavedEntryView } from './WorkbookPanel';
export { ComparisonChart } from './ComparisonChart';
