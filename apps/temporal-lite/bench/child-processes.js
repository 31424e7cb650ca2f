'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
exports.track = track;
exports.removeOnExit = removeOnExit;
exports.processStats = processStats;
const node_fs_1 = require('node:fs');
const children = new Set();
const directories = new Set();
/** Linux reports CPU times in clock ticks of 1/100 s (USER_HZ) on every common architecture. */
const TICKS_PER_SECOND = 100;
function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}
function removeOnExit(directory) {
  directories.add(directory);
  return directory;
}
function cleanUp() {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
  for (const directory of directories) (0, node_fs_1.rmSync)(directory, { recursive: true, force: true });
  directories.clear();
}
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`benchmark: ${signal}, cleaning up`);
    process.exit(130);
  });
}
function processStats(pid) {
  const status = (0, node_fs_1.readFileSync)(`/proc/${pid}/status`, 'utf8');
  const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const stat = (0, node_fs_1.readFileSync)(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { peakRssMb: peakKb / 1024, cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
}
