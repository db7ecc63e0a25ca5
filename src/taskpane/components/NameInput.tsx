import * as React from 'react';
import { Textarea, makeStyles } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { width: '100%', minWidth: 0, minHeight: 0 },
  // One line high to start with; the effect below grows it to its text (a name never scrolls inside its box).
  area: {
    minHeight: 0, maxHeight: 'none', height: 'auto', overflowY: 'hidden', resize: 'none', padding: '2px 4px',
    // Between words first; inside a word only when it is wider than the box (hyphenated where the browser can).
    overflowWrap: 'break-word', whiteSpace: 'pre-wrap', hyphens: 'auto',
  },
});

export interface NameInputProps {
  value: string;
  onText(text: string): void;
  ariaLabel: string;
  path: string;
}

/** Sets the box's height to its text's (after a layout, so a narrower column gives more lines). */
function fit(el: HTMLTextAreaElement): void {
  el.style.height = 'auto';
  el.style.height = `${el.scrollHeight}px`;
}

/**
 * A plan's or segment's name in a table header: a one-line text box that wraps and grows, so a long
 * name is read in full in a narrow pane (issue 15) instead of being cut at the box's edge. A name is
 * one line: Enter does not break it, a pasted line break becomes a space.
 */
export function NameInput(p: NameInputProps): React.ReactElement {
  const styles = useStyles();
  const ref = React.useRef<HTMLTextAreaElement>(null);
  React.useLayoutEffect(() => {
    if (ref.current) fit(ref.current);
  }, [p.value]);
  React.useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    // On a change of width only (the height is ours), and in the next frame: resizing inside the
    // observer's callback would re-trigger it within the same frame.
    let width = el.clientWidth;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      if (el.clientWidth === width) return;
      width = el.clientWidth;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => fit(el));
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, []);
  return (
    <Textarea size="small" rows={1} resize="none" className={styles.root} value={p.value} aria-label={p.ariaLabel}
      textarea={{ ref, className: styles.area, 'data-path': p.path } as React.TextareaHTMLAttributes<HTMLTextAreaElement> & { ref: React.Ref<HTMLTextAreaElement> }}
      onKeyDown={(e) => { if (e.key === 'Enter') e.preventDefault(); }}
      onChange={(_, d) => p.onText(d.value.replace(/\s*[\r\n]+\s*/g, ' '))} />
  );
}
