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

/**
 * Waits for Office and reports where the pane runs. Never rejects: if office.js is missing, or onReady
 * fails or does not answer within `timeoutMs`, the pane opens as a preview rather than not at all.
 */
export async function connectHost(office: OfficeLike | undefined = officeGlobal(), timeoutMs = 15_000): Promise<HostInfo> {
  if (!office || typeof office.onReady !== 'function') return { kind: 'preview' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([office.onReady(), late]);
    if (!info || info.host !== 'Excel') return { kind: 'preview' };
    let displayLanguage: string | undefined;
    try {
      displayLanguage = typeof office.context?.displayLanguage === 'string' ? office.context.displayLanguage : undefined;
    } catch {
      displayLanguage = undefined;
    }
    void loadWithDocument(office);
    return { kind: 'excel', displayLanguage, theme: readOfficeTheme(office) };
  } catch {
    return { kind: 'preview' };
  } finally {
    clearTimeout(timer);
  }
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
