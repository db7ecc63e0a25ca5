import * as React from 'react';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { Language } from '../../engine';
import { OFFICE_ANSWER_MS, type HostInfo } from '../../office/host';
import { w } from './texts';

/** Why the pane is a preview although office.js was there: a helper file failed, or Office was silent. */
export function FallbackNote({ fallback, lang }: { fallback: HostInfo['fallback']; lang: Language }): React.ReactElement | null {
  if (!fallback) return null;
  const text = fallback.reason === 'helperFailed'
    ? w(lang, 'helperFailed', { file: fallback.file ?? '?' })
    : w(lang, 'noAnswer', { seconds: OFFICE_ANSWER_MS / 1000 });
  return <MessageBar intent="warning" layout="multiline" data-testid="fallback-note"><MessageBarBody>{text}</MessageBarBody></MessageBar>;
}
