/** A live object's status and last-applied configuration: read-only, folded until opened. */
import { useMemo } from 'react';
import { editView } from '../../../client/apply';
import type { Buffer } from '../buffers/types';
import { isLive } from '../buffers/types';
import { toYaml } from '../yamlText';

export function LiveState({ b }: { b: Buffer }) {
  const view = useMemo(() => (isLive(b) ? editView(b.origin.base) : undefined), [b]);
  if (!view || (view.status === undefined && !view.lastApplied)) return null;
  return (
    <details className="ed-livestate" data-testid="editor-livestate">
      <summary>status (read-only){view.lastApplied ? ' · last-applied configuration' : ''}</summary>
      {view.status !== undefined && <pre>{toYaml({ status: view.status })}</pre>}
      {view.lastApplied && <pre>{`# metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]\n${toYaml(JSON.parse(view.lastApplied))}`}</pre>}
    </details>
  );
}
