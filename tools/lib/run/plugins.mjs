// The runner's plug-ins: modules that register on the extension points when imported, one
// import line each (kept here so that tools/wasip2-run and the steps stay as they are):
//   compile.mjs   addCoreTransform(fn), setCoreCompiler(wrap)   core module bytes -> Module
//   trap.mjs      addTrapReporter(fn)                           lines after a trap
//   ../host/poll.mjs  addEventSource(src)                       served during native-host waits
// A plug-in costs start-up for every run: import what it needs lazily, and decide in the hook
// whether it applies (a transform that finds nothing to change returns the bytes unchanged).
export {};
