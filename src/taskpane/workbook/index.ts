export {
  WorkbookPanel, type WorkbookPanelProps, type WorkbookActions, type SavedStoreView, type SavedEntryView, type ScenarioSourceView,
  type ReadReportView,
} from './WorkbookPanel';
export { ComparisonChart } from './ComparisonChart';
export { SavedBackups, type BackupView } from './SavedBackups';
