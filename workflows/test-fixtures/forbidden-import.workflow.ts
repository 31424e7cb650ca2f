// A workflow that must not bundle: workflow code cannot reach the file system.
import { readFileSync } from 'node:fs';

export async function readsAFile(): Promise<string> {
  return readFileSync('/etc/hostname', 'utf8');
}
