/**
 * Where the task pane runs and what Office says about the reader: the shell's only Office calls
 * (Office.onReady, Office.context.displayLanguage, Office.context.officeTheme). The pane receives the
 * result as data, so it renders and tests without Office.
 *
 * Inside Excel (shared runtime) onReady reports host "Excel". In a plain browser office.js reports
 * host null: that is the preview. When office.js did not load at all (offline, blocked) there is no
 * `Office` global, which is a preview too.
 */
export type HostKind = 'excel' | 'preview';

export interface OfficeThemeView {
  /** Office's Black or Dark Gray theme (or, where isDarkTheme is missing, a dark body background). */
  dark: boolean;
  background?: string;
  foreground?: string;
}

export interface HostInfo {
  kind: HostKind;
  /**
   * Why a pane that had office.js opened as a preview anyway: a helper file office.js loads failed
   * (`helperFailed`, with its file name in `file`), or Office did not answer in time (`noAnswer`).
   */
  fallback?: { reason: 'helperFailed' | 'noAnswer'; file?: string };
  /** After a `noAnswer` fallback: resolves with Excel's host info if Office answers later after all. */
  late?: Promise<HostInfo | undefined>;
  /** Office's display language tag, e.g. "es-ES"; undefined in preview. */
  displayLanguage?: string;
  /** Office's theme; undefined in preview (the browser's preference applies). */
  theme?: OfficeThemeView;
}

/** The part of the Office namespace this adapter reads (structural, so tests pass a mock). */
export interface OfficeLike {
  onReady(): Promise<{ host: string | null; platform?: string | null }>;
  context?: {
    displayLanguage?: string;
    officeTheme?: Partial<Pick<Office.OfficeTheme, 'bodyBackgroundColor' | 'bodyForegroundColor' | 'isDarkTheme'>>;
  };
  /** SharedRuntime 1.1: how the add-in starts the next time this document opens. */
  addin?: { setStartupBehavior?(behavior: Office.StartupBehavior): Promise<void> };
}

/**
 * Asks Excel to load the add-in (its shared runtime, so its custom functions) as soon as this workbook
 * opens from now on, instead of when the task pane is first shown: CEQ formulas in a reopened workbook
 * then find their functions registered instead of racing them (#NAME?, EXCEL.md). It applies from the
 * next opening on; hosts without SharedRuntime 1.1 lack the method, and a refusal changes nothing else.
 */
export async function loadWithDocument(office: OfficeLike | undefined = officeGlobal()): Promise<boolean> {
  const set = office?.addin?.setStartupBehavior;
  if (typeof set !== 'function') return false;
  try {
    await set.call(office!.addin, 'Load' as Office.StartupBehavior); // Office.StartupBehavior.load
    return true;
  } catch {
    return false;
  }
}

function officeGlobal(): OfficeLike | undefined {
  return (globalThis as unknown as { Office?: OfficeLike }).Office;
}

/** Relative luminance of "#RRGGBB" (WCAG); undefined for anything else. */
export function luminance(hex: string | undefined): number | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return undefined;
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Office's current theme, read fresh (it can change while the pane is open). */
export function readOfficeTheme(office: OfficeLike | undefined = officeGlobal()): OfficeThemeView | undefined {
  let theme: NonNullable<OfficeLike['context']>['officeTheme'];
  try {
    theme = office?.context?.officeTheme;
  } catch {
    return undefined; // some hosts throw on officeTheme instead of leaving it undefined
  }
  if (!theme) return undefined;
  const background = typeof theme.bodyBackgroundColor === 'string' ? theme.bodyBackgroundColor : undefined;
  const foreground = typeof theme.bodyForegroundColor === 'string' ? theme.bodyForegroundColor : undefined;
  const dark = typeof theme.isDarkTheme === 'boolean' ? theme.isDarkTheme : (luminance(background) ?? 1) < 0.18;
  return { dark, background, foreground };
}

/** How long Office may take to answer before the pane opens as a preview (it switches to Excel if Office answers later). */
export const OFFICE_ANSWER_MS = 3_000;

/** The folder office.js was loaded from (its helper files come from there). */
function officeFolder(): string {
  const src = typeof document === 'undefined' ? undefined : document.querySelector<HTMLScriptElement>('script[src$="/office.js"]')?.src;
  return src ? src.slice(0, src.lastIndexOf('/') + 1) : 'https://appsforoffice.microsoft.com/lib/1/hosted/';
}

/** Where recordFailedScripts keeps the addresses of the scripts that failed before the pane's code ran. */
const FAILED_SCRIPTS = '__ceqFailedScripts';
type ErrorTarget = Pick<Window, 'addEventListener' | 'removeEventListener'> & { [FAILED_SCRIPTS]?: string[] };

/** The address of the script (or other element) whose load failed, if the event is such a failure. */
function failedSource(e: Event): string | undefined {
  const src = (e.target as { src?: unknown } | null)?.src;
  return typeof src === 'string' && src ? src : undefined;
}

/**
 * Run by office-watch.js, which taskpane.html loads BEFORE office.js: office.js asks for its helper
 * files at once, and a blocked one fails before taskpane.js has even been fetched, so a listener that
 * taskpane.js adds comes too late. This one records every failed script from the start for
 * watchOfficeHelpers. A file of this origin, not an inline script, so the Content-Security-Policy
 * stays 'self' plus Office's CDN.
 */
export function recordFailedScripts(target: ErrorTarget = window): void {
  const failed: string[] = (target[FAILED_SCRIPTS] ??= []);
  target.addEventListener('error', (e) => {
    const src = failedSource(e);
    if (src) failed.push(src);
  }, true);
}

/**
 * Resolves with the file name of the first script office.js loads from its own folder that fails to
 * load (office.js fetches helper files such as o15apptofilemappingtable.js; when they are blocked,
 * Office.onReady never answers). Failures recorded earlier by recordFailedScripts count too; from the
 * moment it is called it listens for later ones.
 */
export function watchOfficeHelpers(target: ErrorTarget = window, folder = officeFolder()): Promise<string> {
  const fileOf = (src: string) => src.slice(src.lastIndexOf('/') + 1) || src;
  const earlier = (target[FAILED_SCRIPTS] ?? []).find((src) => src.startsWith(folder));
  if (earlier) return Promise.resolve(fileOf(earlier));
  return new Promise((resolve) => {
    const onError = (e: Event) => {
      const src = failedSource(e);
      if (!src || !src.startsWith(folder)) return;
      target.removeEventListener('error', onError, true);
      resolve(fileOf(src));
    };
    // Capture: a script's load error does not bubble.
    target.addEventListener('error', onError, true);
  });
}

/**
 * Waits for Office and reports where the pane runs. Never rejects: if office.js is missing, or onReady
 * fails, or a helper file of office.js fails to load (`helperFailed`), or Office does not answer within
 * `timeoutMs`, the pane opens as a preview rather than not at all, saying why (`fallback`).
 */
export async function connectHost(office: OfficeLike | undefined = officeGlobal(), timeoutMs = OFFICE_ANSWER_MS, helperFailed?: Promise<string>): Promise<HostInfo> {
  if (!office || typeof office.onReady !== 'function') return { kind: 'preview' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silent = new Promise<'noAnswer'>((resolve) => {
    timer = setTimeout(() => resolve('noAnswer'), timeoutMs);
  });
  const failed = (helperFailed ?? new Promise<never>(() => undefined)).then((file) => ({ failedFile: file }));
  try {
    const ready = office.onReady();
    const info = await Promise.race([ready, silent, failed]);
    if (info === 'noAnswer') {
      const late = ready.then((i) => (i?.host === 'Excel' ? excelInfo(office) : undefined), () => undefined);
      return { kind: 'preview', fallback: { reason: 'noAnswer' }, late };
    }
    if (!info) return { kind: 'preview' };
    if ('failedFile' in info) return { kind: 'preview', fallback: { reason: 'helperFailed', file: info.failedFile } };
    if (info.host !== 'Excel') return { kind: 'preview' };
    return excelInfo(office);
  } catch {
    return { kind: 'preview' };
  } finally {
    clearTimeout(timer);
  }
}

function excelInfo(office: OfficeLike): HostInfo {
  let displayLanguage: string | undefined;
  try {
    displayLanguage = typeof office.context?.displayLanguage === 'string' ? office.context.displayLanguage : undefined;
  } catch {
    displayLanguage = undefined;
  }
  void loadWithDocument(office);
  return { kind: 'excel', displayLanguage, theme: readOfficeTheme(office) };
}

/**
 * Calls `onChange` when Office's theme differs from the last one seen. Excel has no theme-changed event
 * for add-ins, so the theme is read again whenever the pane regains focus or becomes visible (a theme
 * is changed in Office's own settings, outside the pane). Returns a function that stops watching.
 */
export function watchOfficeTheme(onChange: (theme: OfficeThemeView) => void, office: OfficeLike | undefined = officeGlobal()): () => void {
  let last = JSON.stringify(readOfficeTheme(office));
  const check = () => {
    const now = readOfficeTheme(office);
    const id = JSON.stringify(now);
    if (now && id !== last) {
      last = id;
      onChange(now);
    }
  };
  const onVisibility = () => {
    if (document.visibilityState === 'visible') check();
  };
  window.addEventListener('focus', check);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    window.removeEventListener('focus', check);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
