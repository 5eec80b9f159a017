/** Monaco themes matching the app's dark and light tokens (src/ui/styles/tokens.css). */
import { monaco } from './monaco';

let defined = false;

export function themeName(): string {
  if (!defined) {
    defined = true;
    monaco.editor.defineTheme('kubeplay-dark', {
      base: 'vs-dark',
      inherit: true,
      rules: [{ token: 'type', foreground: '7fc6ff' }],
      colors: { 'editor.background': '#0e1526', 'editor.lineHighlightBackground': '#16203a', 'editorGutter.background': '#0e1526' },
    });
    monaco.editor.defineTheme('kubeplay-light', {
      base: 'vs',
      inherit: true,
      rules: [],
      colors: { 'editor.background': '#fbf9f4', 'editor.lineHighlightBackground': '#f6f3ec', 'editorGutter.background': '#fbf9f4' },
    });
  }
  return document.documentElement.dataset.theme === 'light' ? 'kubeplay-light' : 'kubeplay-dark';
}

/** Keeps Monaco's theme in step with the app's (the shell sets `data-theme` on <html>). */
export function followAppTheme(): () => void {
  monaco.editor.setTheme(themeName());
  const obs = new MutationObserver(() => monaco.editor.setTheme(themeName()));
  obs.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => obs.disconnect();
}
