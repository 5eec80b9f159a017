/**
 * `--profile <dir>`: a V8 CPU profile of only the measured window of a figure (not the setup), so a
 * profile of the e2e run shows what the control loops cost. Written as <dir>/<name>.cpuprofile.
 */
import { Session } from 'node:inspector';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

let dir: string | undefined;
let session: Session | undefined;

export function profileInto(d: string | undefined): void {
  dir = d;
}

/** Starts profiling when --profile was given; the returned function stops it and writes the file. */
export function startProfile(name: string): () => void {
  if (!dir) return () => {};
  session ??= new Session();
  session.connect();
  const s = session;
  // Same-thread inspector sessions answer synchronously, so the window is exact.
  s.post('Profiler.enable');
  s.post('Profiler.setSamplingInterval', { interval: 200 });
  s.post('Profiler.start');
  return () => {
    s.post('Profiler.stop', (err, res) => {
      if (err) throw err;
      mkdirSync(dir!, { recursive: true });
      const file = join(dir!, `${name}.cpuprofile`);
      writeFileSync(file, JSON.stringify(res.profile));
      console.error(`profile written: ${file}`);
    });
    s.disconnect();
  };
}
