import * as React from 'react';
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import type { HostInfo, OfficeThemeView } from '../office/host';

export type ThemeName = 'light' | 'dark' | 'highContrast';

export const THEMES: Record<ThemeName, Theme> = { light: webLightTheme, dark: webDarkTheme, highContrast: teamsHighContrastTheme };

/**
 * High contrast wins (the OS forces colours, Office has no flag for it); then inside Excel Office's
 * theme, in preview the browser's colour-scheme preference.
 */
export function themeName(office: OfficeThemeView | undefined, media: { dark: boolean; forcedColors: boolean }): ThemeName {
  if (media.forcedColors) return 'highContrast';
  if (office) return office.dark ? 'dark' : 'light';
  return media.dark ? 'dark' : 'light';
}

/** Whether a CSS media query matches now, following its changes. */
export function useMedia(query: string): boolean {
  const get = () => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
  const [matches, setMatches] = React.useState(get);
  React.useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const m = window.matchMedia(query);
    const on = () => setMatches(m.matches);
    m.addEventListener?.('change', on);
    return () => m.removeEventListener?.('change', on);
  }, [query]);
  return matches;
}

/** The theme to use now; follows Office's theme (re-read through `watch`) and the browser's preferences. */
export function useThemeName(host: HostInfo, watch?: (onChange: (t: OfficeThemeView) => void) => () => void): ThemeName {
  const dark = useMedia('(prefers-color-scheme: dark)');
  const forcedColors = useMedia('(forced-colors: active)');
  const [office, setOffice] = React.useState(host.theme);
  React.useEffect(() => (host.kind === 'excel' && watch ? watch(setOffice) : undefined), [host.kind, watch]);
  return themeName(office, { dark, forcedColors });
}
