// The embedded store (dynalite, in memory) in a process of its own: the bench's clients and the
// store do not share one thread, as they would not on AWS.
import { startEmbeddedStore } from '../embedded-store';
import { serveRequests } from './child-process';

const store = await startEmbeddedStore({ port: 0 });
serveRequests({ endpoint: store.endpoint }, async () => undefined, store.stop);
