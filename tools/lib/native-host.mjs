// wasip2-run's native host: wasi:io, wasi:filesystem, wasi:sockets, stdio and the monotonic
// clock's pollables on Linux system calls made on this thread by build/native/wasip2_host.node
// (tools/native/wasip2_host.c), instead of preview2-shim's round trip to its worker thread.
//
// The transpiled glue checks `instanceof` against the classes it is given and then calls
// methods on the instances, so every interface whose resources meet another's (a stream made
// by a socket, a pollable made by a stream or a clock) comes from here, as one set. What the
// kernel decides (half-close, queued datagrams, bind without listen, address in use, error
// codes) is simply passed on: errno maps to the WASI error-code of the interface.
//
// One module per interface family, in host/ (docs/host-notes.md, "Runner modules"):
//   context.mjs     the native module, its scratch buffer, errno maps, IoError, FdRef
//   io.mjs          wasi:io/poll (the wait loop, its event sources) and wasi:io/streams
//   filesystem.mjs  wasi:filesystem, with the core-ABI fast paths of six descriptor calls
//   sockets.mjs     wasi:sockets: addresses, network, TCP, UDP, ip-name-lookup
//   cli.mjs         wasi:cli (but exit), wasi:clocks, wasi:random
import { setup, IoError } from './host/context.mjs';
import * as io from './host/io.mjs';
import * as filesystem from './host/filesystem.mjs';
import * as sockets from './host/sockets.mjs';
import * as cli from './host/cli.mjs';

export { addEventSource } from './host/io.mjs';

export function loadNative(file) {
  const module = { exports: {} };
  process.dlopen(module, file);
  return module.exports;
}

// buildNativeImports(config, native) returns the import object (unversioned interface names,
// as host.mjs's). Once per process: the modules keep their state in the shared context.
export function buildNativeImports(config, native) {
  setup(native, config);
  return {
    ...cli.imports(),
    ...filesystem.imports(),
    'wasi:io/error': { Error: IoError },
    ...io.imports(),
    ...sockets.imports(),
  };
}
