/**
 * The task pane's lazily loaded modules (React.lazy screens and charts, imports inside handlers),
 * loaded once before a jsdom suite runs. Under jest, `import()` compiles and evaluates the module on
 * first use, which on a busy machine takes seconds: a test that clicked a tab would then race a clock.
 * Preloaded, a lazy screen resolves within the act() that opened it, so tests wait on nothing.
 * Keep this list in step with src/taskpane/tabs.ts and the other import() calls under src/taskpane.
 */
export async function preloadLazyModules(): Promise<void> {
  await Promise.all([
    import('../../src/taskpane/screens/ResultsScreen'),
    import('../../src/taskpane/screens/SummaryScreen'),
    import('../../src/taskpane/screens/UncertaintyScreen'),
    import('../../src/taskpane/screens/QuotasScreen'),
    import('../../src/taskpane/screens/WorkbookScreen'),
    import('../../src/taskpane/screens/WorkbookExcel'),
    import('../../src/taskpane/charts'),
    import('../../src/office/uncertainty'),
  ]);
}
