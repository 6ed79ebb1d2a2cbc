// Serve a built site like a static host: `node tools/serve-cli.ts <dir> <port> [basePath]`.
// Playwright's webServer uses this rather than `astro preview`, which allows one preview per project at a time.
import { serveStatic } from './static-server.ts';

const [root = 'dist', portText = '4321', basePath = '/'] = process.argv.slice(2);
const server = await serveStatic(root, basePath, Number(portText));
console.log(`serving ${root} at ${server.url}`);
