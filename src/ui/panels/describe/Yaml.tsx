/** The object as YAML (what `kubectl get -o yaml` prints), folded away until asked for. */
import { dump } from 'js-yaml';
import { useMemo } from 'react';

export function Yaml({ object }: { object: Record<string, unknown> }) {
  const text = useMemo(() => {
    try {
      return dump(object, { noRefs: true, lineWidth: 120 });
    } catch {
      return JSON.stringify(object, null, 2);
    }
  }, [object]);
  return (
    <details className="d-section yaml">
      <summary>YAML</summary>
      <pre>{text}</pre>
    </details>
  );
}
