import dynalite from 'dynalite';
import { LOCAL_HOST } from './constants';
import { close, listen } from './listen';

/**
 * The embedded DynamoDB-compatible store (dynalite) on 127.0.0.1: on disk under `path`, or in
 * memory. Tables are created and deleted at once (no simulated delay). Port 0 picks a free one.
 */
export const startEmbeddedStore = async (options: { port: number; path?: string }) => {
  const server = dynalite({ ...(options.path ? { path: options.path } : {}), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  const port = await listen(server, LOCAL_HOST, options.port, 'embedded DynamoDB store', '--store-port');
  return { port, endpoint: `http://${LOCAL_HOST}:${port}`, stop: () => close(server) };
};
