import { benchScheduler } from './bench';
const [mode, nodes, pods] = [process.argv[2] ?? 'algorithm', Number(process.argv[3] ?? 5000), Number(process.argv[4] ?? 50000)];
const cpu = () => process.cpuUsage().user / 1000;
console.log(benchScheduler({ nodes, pods, now: process.argv[5] === 'wall' ? () => performance.now() : cpu, mode: mode as 'e2e' }));
