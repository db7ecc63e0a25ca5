/**
 * @jest-environment jsdom
 *
 * src/office/host.ts against an office-addin-mock Office namespace: Excel (shared runtime) or preview,
 * the display language, Office's theme and its changes.
 */
// office-addin-mock needs only the OfficeApp enum of office-addin-manifest (see fake-excel.ts).
jest.mock('office-addin-manifest', () => jest.requireActual('office-addin-manifest/lib/officeApp'));
import { OfficeMockObject } from 'office-addin-mock';
import { OfficeApp } from 'office-addin-manifest';
import { connectHost, loadWithDocument, recordFailedScripts, watchOfficeHelpers, luminance, readOfficeTheme, watchOfficeTheme, type OfficeLike } from '../../src/office/host';

/**
 * The Office namespace as office.js gives it. Its common API (Office.context.*) is plain properties,
 * read without load()/sync(); office-addin-mock models exactly that for hosts without a request
 * context, which it calls Outlook. The host office.js reports is set separately (`host`).
 */
function office(host: string | null, context: Record<string, unknown>) {
  const mock = new OfficeMockObject({
    context,
    onReady: async () => ({ host, platform: host ? 'PC' : null }),
  }, OfficeApp.Outlook);
  return mock as unknown as OfficeLike;
}
/** The mock's theme object, to change it as a user changing Office's theme would. */
const themeOf = (o: OfficeLike) => (o as unknown as { context: { officeTheme: OfficeMockObject } }).context.officeTheme;

const darkGray = { bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF', controlBackgroundColor: '#444444', controlForegroundColor: '#F0F0F0', isDarkTheme: true };
const white = { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#000000', controlBackgroundColor: '#FFFFFF', controlForegroundColor: '#000000', isDarkTheme: false };

describe('connectHost', () => {
  it('inside Excel reports Excel, the display language and the theme', async () => {
    const o = office('Excel', { displayLanguage: 'es-ES', officeTheme: darkGray });
    await expect(connectHost(o)).resolves.toEqual({ kind: 'excel', displayLanguage: 'es-ES', theme: { dark: true, background: '#262626', foreground: '#FFFFFF' } });
  });

  it('reports the preview when office.js runs in a plain browser (host null)', async () => {
    const o = office(null, { displayLanguage: 'en-US' });
    await expect(connectHost(o)).resolves.toEqual({ kind: 'preview' });
  });

  it('reports the preview when office.js did not load at all', async () => {
    await expect(connectHost(undefined)).resolves.toEqual({ kind: 'preview' });
  });

  it('reports the preview when Office.onReady fails or never answers', async () => {
    const failing = { onReady: () => Promise.reject(new Error('blocked')) };
    await expect(connectHost(failing)).resolves.toEqual({ kind: 'preview' });
    const silent = { onReady: () => new Promise<never>(() => undefined) };
    await expect(connectHost(silent, 10)).resolves.toEqual({ kind: 'preview', fallback: { reason: 'noAnswer' }, late: expect.any(Promise) });
  });

  it('falls back at once, naming the file, when a helper file of office.js fails to load (no clock involved)', async () => {
    const silent = { onReady: () => new Promise<never>(() => undefined) };
    const target = new EventTarget();
    const failed = watchOfficeHelpers(target as unknown as Window, 'https://cdn.test/lib/1/hosted/');
    // A failure of one of our own files is not office.js's business.
    target.dispatchEvent(Object.assign(new Event('error'), {}));
    const ours = new Event('error');
    Object.defineProperty(ours, 'target', { value: { src: 'https://pane.test/chunks/charts.js' } });
    target.dispatchEvent(ours);
    const helper = new Event('error');
    Object.defineProperty(helper, 'target', { value: { src: 'https://cdn.test/lib/1/hosted/o15apptofilemappingtable.js' } });
    target.dispatchEvent(helper);
    // A timeout far beyond any test run: only the helper's failure can make this resolve.
    await expect(connectHost(silent, 3_600_000, failed)).resolves.toEqual({ kind: 'preview', fallback: { reason: 'helperFailed', file: 'o15apptofilemappingtable.js' } });
  });

  it('names a helper file that failed before the pane\'s code ran (recorded by office-watch.js, loaded first)', async () => {
    const silent = { onReady: () => new Promise<never>(() => undefined) };
    const target = new EventTarget();
    recordFailedScripts(target as unknown as Window);
    const failure = (src: string) => {
      const e = new Event('error');
      Object.defineProperty(e, 'target', { value: { src } });
      target.dispatchEvent(e);
    };
    failure('https://pane.test/assets/logo.png');
    failure('https://cdn.test/lib/1/hosted/o15apptofilemappingtable.js');
    // Only now does the pane's code start watching: the failure happened before it, and still counts.
    const failed = watchOfficeHelpers(target as unknown as Window, 'https://cdn.test/lib/1/hosted/');
    await expect(connectHost(silent, 3_600_000, failed)).resolves.toEqual({ kind: 'preview', fallback: { reason: 'helperFailed', file: 'o15apptofilemappingtable.js' } });
  });

  it('after a silent fallback, switches to Excel when Office answers late', async () => {
    let answer: (v: { host: string }) => void = () => undefined;
    const late = { ...office('Excel', { displayLanguage: 'en-US' }), onReady: () => new Promise<{ host: string }>((r) => { answer = r; }) };
    const host = await connectHost(late as unknown as OfficeLike, 0);
    expect(host.kind).toBe('preview');
    answer({ host: 'Excel' });
    await expect(host.late).resolves.toMatchObject({ kind: 'excel', displayLanguage: 'en-US' });
  });

  it('a host other than Excel (the manifest names only Excel) is treated as the preview', async () => {
    await expect(connectHost(office('Word', { displayLanguage: 'en-US' }))).resolves.toEqual({ kind: 'preview' });
  });

  it('works where Office gives no theme (older hosts)', async () => {
    const o = office('Excel', { displayLanguage: 'en-GB' });
    await expect(connectHost(o)).resolves.toEqual({ kind: 'excel', displayLanguage: 'en-GB', theme: undefined });
  });
});

describe('readOfficeTheme', () => {
  it('uses isDarkTheme when Office gives it', () => {
    expect(readOfficeTheme(office('Excel', { officeTheme: white }))?.dark).toBe(false);
    expect(readOfficeTheme(office('Excel', { officeTheme: darkGray }))?.dark).toBe(true);
  });

  it('falls back to the body colour where isDarkTheme is missing', () => {
    const { isDarkTheme: _, ...black } = { ...darkGray, bodyBackgroundColor: '#000000' };
    expect(readOfficeTheme(office('Excel', { officeTheme: black }))?.dark).toBe(true);
    const { isDarkTheme: __, ...colorful } = { ...white, bodyBackgroundColor: '#E6E6E6' };
    expect(readOfficeTheme(office('Excel', { officeTheme: colorful }))?.dark).toBe(false);
  });

  it('computes WCAG luminance', () => {
    expect(luminance('#FFFFFF')).toBeCloseTo(1, 9);
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#262626')).toBeCloseTo(0.0194, 4);
    expect(luminance('red')).toBeUndefined();
  });
});

describe('watchOfficeTheme', () => {
  it('reports a theme change when the pane regains focus, once, and stops when asked', () => {
    const o = office('Excel', { officeTheme: white });
    const seen: boolean[] = [];
    const stop = watchOfficeTheme((t) => seen.push(t.dark), o);
    window.dispatchEvent(new Event('focus'));
    expect(seen).toEqual([]); // unchanged: nothing reported
    themeOf(o).isDarkTheme = true;
    themeOf(o).bodyBackgroundColor = '#262626';
    window.dispatchEvent(new Event('focus'));
    window.dispatchEvent(new Event('focus'));
    expect(seen).toEqual([true]);
    stop();
    themeOf(o).isDarkTheme = false;
    window.dispatchEvent(new Event('focus'));
    expect(seen).toEqual([true]);
  });
});

describe('loading with the document', () => {
  /** An Office namespace whose add-in object records the startup behaviour asked for. */
  function withAddin(host: string | null, setStartupBehavior: (b: string) => Promise<void>) {
    const mock = new OfficeMockObject({
      context: { displayLanguage: 'en-US' },
      onReady: async () => ({ host, platform: host ? 'PC' : null }),
      addin: { setStartupBehavior },
    }, OfficeApp.Outlook);
    return mock as unknown as OfficeLike;
  }

  it('inside Excel asks Office to load the add-in when this workbook opens next, so CEQ formulas find their functions', async () => {
    const asked: string[] = [];
    await connectHost(withAddin('Excel', async (b) => { asked.push(b); }));
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toEqual(['Load']);
  });

  it('asks nothing in the preview', async () => {
    const asked: string[] = [];
    await connectHost(withAddin(null, async (b) => { asked.push(b); }));
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toEqual([]);
  });

  it('a host without the method, or one that refuses, still opens the pane', async () => {
    await expect(loadWithDocument(office('Excel', {}))).resolves.toBe(false);
    const refusing = withAddin('Excel', async () => { throw new Error('not supported'); });
    await expect(loadWithDocument(refusing)).resolves.toBe(false);
    await expect(connectHost(refusing)).resolves.toMatchObject({ kind: 'excel' });
  });
});

