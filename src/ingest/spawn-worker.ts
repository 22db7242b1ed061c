// Starts a worker thread from a module next to the caller. Compiled (dist/*.js) it is a plain Worker; run
// from TypeScript sources (tests, tsx) the worker first registers tsx, which workers do not inherit.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

export function spawnModuleWorker(moduleBaseName: string, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  return spawnWorkerBeside(import.meta.url, moduleBaseName, workerData, resourceLimits);
}

/** A worker running module `moduleBaseName` of the directory of `callerUrl` (the caller's import.meta.url). */
export function spawnWorkerBeside(callerUrl: string, moduleBaseName: string, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const fromSource = callerUrl.endsWith('.ts');
  const url = new URL(`./${moduleBaseName}${fromSource ? '.ts' : '.js'}`, callerUrl);
  if (!fromSource) return new Worker(url, { workerData, resourceLimits });
  // require.resolve gives the CommonJS entry of tsx's ESM API; its ES module sits beside it.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true, workerData, resourceLimits });
}
