import { availableParallelism, cpus, platform, release } from 'node:os';
import type { Machine } from './results';

export const thisMachine = (): Machine => ({
  cpu: cpus()[0]?.model.trim() ?? 'unknown',
  cores: availableParallelism(),
  node: process.version,
  platform: `${platform()} ${release()}`,
  date: new Date().toISOString(),
});
