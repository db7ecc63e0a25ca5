import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, readFileSync } from 'fs';
import { join, resolve } from 'path';

/**
 * `office-addin-manifest validate` needs a Microsoft web service, so the manifest is checked here:
 * it parses with office-addin-manifest's own reader, elements come in the order the schema's
 * sequences require, every resid resolves to a resource of the right kind, every URL is https and
 * points at a file the build emits.
 */
const root = resolve(__dirname, '..');
const dist = resolve(root, process.env.CEQ_DIST ?? 'dist');
const xml = readFileSync(join(root, 'manifest.xml'), 'utf8');

/** office-addin-manifest's reader, run in plain node: jest cannot load its ESM-only dependencies. */
function readWithOfficeAddinManifest(path: string): Record<string, unknown> {
  const code = `require('office-addin-manifest').OfficeAddinManifest.readManifestFile(${JSON.stringify(path)})
    .then((info) => process.stdout.write(JSON.stringify(info)), (e) => { console.error(e.message); process.exit(1); })`;
  return JSON.parse(execFileSync(process.execPath, ['-e', code], { cwd: root, encoding: 'utf8' }));
}

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
}

/** A small XML reader: elements, attributes and their order (text and comments are skipped). */
function parseXml(text: string): XmlElement {
  const top: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack = [top];
  const body = text.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  for (const match of body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>/g)) {
    const [, closing, name, attributeText, selfClosing] = match;
    if (closing) {
      const open = stack.pop()!;
      if (open.name !== name) throw new Error(`</${name}> closes <${open.name}>`);
      continue;
    }
    const attributes = Object.fromEntries([...attributeText.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const element: XmlElement = { name, attributes, children: [] };
    stack[stack.length - 1].children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  return top.children[0];
}

function* walk(e: XmlElement): Generator<XmlElement> {
  yield e;
  for (const c of e.children) yield* walk(c);
}

/**
 * The xsd:sequence of each element that has one, from the add-in manifest schemas (OfficeApp 1.1,
 * TaskPaneAppVersionOverrides 1.0). Optional elements may be absent; present ones keep this order.
 */
const SEQUENCES: Record<string, string[]> = {
  OfficeApp: ['Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
    'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'Dictionary', 'VersionOverrides'],
  VersionOverrides: ['Description', 'Requirements', 'Hosts', 'Resources', 'EquivalentAddins', 'VersionOverrides'],
  Host: ['Runtimes', 'AllFormFactors', 'DesktopFormFactor', 'MobileFormFactor'],
  DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
  GetStarted: ['Title', 'Description', 'LearnMoreUrl'],
  Group: ['Label', 'Icon', 'Control'],
  Control: ['Label', 'Supertip', 'Icon', 'Action'],
  Supertip: ['Title', 'Description'],
  Action: ['TaskpaneId', 'SourceLocation', 'Title'],
  Resources: ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'],
  ExtensionPoint: ['Script', 'Page', 'Metadata', 'Namespace', 'OfficeTab', 'CustomTab'],
};

const manifest = parseXml(xml);
const elements = [...walk(manifest)];
const named = (name: string) => elements.filter((e) => e.name === name);

describe('manifest.xml', () => {
  beforeAll(() => {
    if (!existsSync(join(dist, 'manifest.xml'))) throw new Error('dist/ is missing: run npm run build first');
  });

  it('parses with office-addin-manifest and names the add-in in English and Spanish', () => {
    const info = readWithOfficeAddinManifest(join(root, 'manifest.xml'));
    expect(info).toMatchObject({ displayName: 'Customer Equity Planner', defaultLocale: 'en-US', permissions: 'ReadWriteDocument', officeAppType: 'TaskPaneApp' });
    const displayName = named('DisplayName')[0].children[0];
    expect(displayName.attributes).toEqual({ Locale: 'es-ES', Value: 'Planificador de valor de cliente' });
    expect(named('Description')[0].children[0].attributes.Locale).toBe('es-ES');
  });

  it('keeps every element of a schema sequence in the order the schema requires', () => {
    let checked = 0;
    for (const e of elements) {
      const order = SEQUENCES[e.name];
      if (!order) continue;
      const positions = e.children.map((c) => order.indexOf(c.name));
      expect({ element: e.name, children: e.children.map((c) => c.name), known: positions.every((p) => p >= 0) })
        .toEqual({ element: e.name, children: e.children.map((c) => c.name), known: true });
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it('asks for ReadWriteDocument and nothing broader', () => {
    expect(named('Permissions').map((e) => e.children.length)).toEqual([0]);
    expect(xml).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
  });

  it('resolves every resid to a resource of the right kind', () => {
    const kindOf = new Map<string, string>();
    for (const e of elements) if (e.attributes.id && e.name.startsWith('bt:')) kindOf.set(e.attributes.id, e.name);
    const expected: Record<string, string[]> = {
      'bt:Image': ['bt:Image'], SourceLocation: ['bt:Url'], FunctionFile: ['bt:Url'], Runtime: ['bt:Url'], LearnMoreUrl: ['bt:Url'],
      Namespace: ['bt:String'], Label: ['bt:String'], Title: ['bt:String'], Description: ['bt:String'],
    };
    const uses = elements.filter((e) => e.attributes.resid);
    expect(uses.length).toBeGreaterThan(10);
    for (const e of uses) {
      const kind = kindOf.get(e.attributes.resid);
      expect({ resid: e.attributes.resid, in: e.name, kind }).toEqual({ resid: e.attributes.resid, in: e.name, kind: expect.anything() });
      if (expected[e.name]) expect(expected[e.name]).toContain(kind);
    }
    // Short strings are at most 125 characters, long strings 250 (Office refuses longer ones).
    for (const e of elements.filter((x) => x.name === 'bt:String')) {
      const limit = elements.some((p) => p.name === 'bt:ShortStrings' && p.children.includes(e)) ? 125 : 250;
      for (const text of [e.attributes.DefaultValue, ...e.children.map((c) => c.attributes.Value)]) expect(text.length).toBeLessThanOrEqual(limit);
    }
  });

  it('shares one long-lived runtime between the functions and the task pane, namespace CEQ', () => {
    const runtime = named('Runtime');
    expect(runtime.map((r) => r.attributes)).toEqual([{ resid: 'Taskpane.Url', lifetime: 'long' }]);
    const functionsPoint = named('ExtensionPoint').find((e) => e.attributes['xsi:type'] === 'CustomFunctions')!;
    const resid = (child: string) => functionsPoint.children.find((c) => c.name === child)!;
    expect(resid('Page').children[0].attributes.resid).toBe('Taskpane.Url');
    expect(named('FunctionFile')[0].attributes.resid).toBe('Taskpane.Url');
    const action = named('Action').find((a) => a.attributes['xsi:type'] === 'ShowTaskpane')!;
    expect(action.children.find((c) => c.name === 'SourceLocation')!.attributes.resid).toBe('Taskpane.Url');
    expect(named('bt:String').find((s) => s.attributes.id === 'Functions.Namespace')!.attributes.DefaultValue).toBe('CEQ');
    expect(named('OfficeTab').map((t) => t.attributes.id)).toEqual(['TabHome']);
  });

  it('points Spanish Excel at the Spanish function metadata', () => {
    const metadata = named('bt:Url').find((u) => u.attributes.id === 'Functions.Metadata.Url')!;
    const spanish = metadata.children.filter((o) => o.attributes.Locale.startsWith('es-'));
    expect(spanish.length).toBeGreaterThanOrEqual(1);
    for (const o of spanish) expect(o.attributes.Value).toBe('https://localhost:3000/functions-es.json');
  });

  it('uses only https URLs, each pointing at a file the build emits', () => {
    const urls = elements.flatMap((e) => [e.attributes.DefaultValue, e.attributes.Value]).filter((v): v is string => !!v && /^\w+:\/\//.test(v));
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) {
      expect(url).toMatch(/^https:\/\//);
      const path = new URL(url).pathname;
      expect(existsSync(join(dist, path)) ? url : `not emitted: ${url}`).toBe(url);
    }
    expect(named('AppDomain').length).toBeGreaterThan(0);
  });

  // Excel caches functions.json for about a day whatever the server says (EXCEL.md): users only see new
  // or changed functions when the manifest's <Version> changes. Each version pins the metadata it ships.
  it('has a new <Version> whenever the function metadata changes', () => {
    const METADATA_OF_VERSION: Record<string, string> = {
      '1.0.0.0': '756dbe03eeed6a62',
      // Ids and names without the namespace (PROJECT, PROYECTAR; Excel shows CEQ.PROJECT); CEQ.ATTRIBUTION,
      // CEQ.BRIDGE, CEQ.CALIBRATE, CEQ.BACKTEST, CEQ.SENSITIVITY; SIMULATE's correlation and LHS, SUMMARY's uncertainty.
      '1.1.0.0': 'd20de4e3ce25856b',
    };
    const shipped = /<Version>([^<]+)<\/Version>/.exec(xml)![1];
    const hash = createHash('sha256');
    for (const f of ['functions.json', 'functions-es.json']) hash.update(readFileSync(join(dist, f)));
    const metadata = hash.digest('hex').slice(0, 16);
    const message = `functions.json changed (${metadata}): raise <Version> in manifest.xml and pin the new hash under it here`;
    expect(METADATA_OF_VERSION[shipped] === metadata ? 'pinned' : message).toBe('pinned');
  });

  it('ships icons of 16, 32, 64 and 80 pixels', () => {
    for (const size of [16, 32, 64, 80]) {
      const png = readFileSync(join(root, 'assets', `icon-${size}.png`));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});
