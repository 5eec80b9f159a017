import { createCluster } from '../cluster';
import { resourceKey } from '../apiserver/types';
const c = createCluster({ seed: 1, empty: true, controllers: 'none' });
console.log(c.api.registry.defs.map((d) => resourceKey(d)).join(' '));
