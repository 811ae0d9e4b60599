// Runs INSIDE preview2-shim's I/O worker thread, loaded through the shim's own extension hook
// (WORKER_EXTENSION_CALL: the worker imports this file once and calls the function we return
// for every `callExtension(url, operation, args)` from the main thread).
//
// Why here: the shim keeps every Node socket on its worker thread and the guest's streams are
// only ids into the worker's tables, so anything that must touch the real net.Socket (half-close,
// Nagle) has to run on that thread. The extension context gives us `getStream(id)`, which for a
// TCP connection's input/output stream ids is the net.Socket itself.
import { Server, Socket } from 'node:net';

let patched = false;

// Bug 11: WASI 0.2 has no TCP no-delay option and Node leaves Nagle on, so request/response
// traffic that writes a reply in two pieces stalls on delayed ACKs (about 40 ms per exchange).
// Every TCP socket the shim creates is made through node:net in this thread: outgoing ones by
// `new Socket().connect()`, accepted ones by a Server's connection handler (which applies the
// server's own `noDelay` field). Patching both once, at startup, costs nothing per socket and
// no extra host call.
function disableNagleEverywhere() {
  if (patched) return;
  patched = true;
  const connect = Socket.prototype.connect;
  Socket.prototype.connect = function patchedConnect(...args) {
    // Before connect() there is no handle yet: Node stores the wish and applies it on connect.
    this.setNoDelay(true);
    return connect.apply(this, args);
  };
  const listen = Server.prototype.listen;
  Server.prototype.listen = function patchedListen(...args) {
    this.noDelay = true;
    return listen.apply(this, args);
  };
}

// Bug 4: the shim implements bind() by starting a listening server (node:net has no bind-only
// call), so a peer's connect() to a bound-but-not-listening port succeeds. We bind for real only
// at listen/connect time; here we just learn the address the OS would give (port 0 -> an
// ephemeral port) and check it is free, then release it at once.
function probeBind({ host, port, ipv6Only }) {
  return new Promise((resolve, reject) => {
    const server = new Server();
    server.once('error', (err) => reject(err?.code ?? 'unknown'));
    server.listen({ host, port, ipv6Only, exclusive: true }, () => {
      const a = server.address();
      server.close(() => resolve({ address: a.address, family: a.family, port: a.port }));
    });
  });
}

export default function create(context) {
  return async function extension(operation, args) {
    switch (operation) {
      case 'init':
        if (args?.noDelay) disableNagleEverywhere();
        return true;
      case 'shutdown': {
        // Bug 3: the shim destroys the whole socket on any shutdown. POSIX shutdown(SHUT_WR)
        // sends FIN and keeps the read side: that is net.Socket.end() (the shim creates its
        // sockets with allowHalfOpen, so the peer's later data and FIN still arrive).
        // 'receive' has no Node equivalent (no SHUT_RD on a net.Socket); it is accepted and
        // libc reports EOF for later reads itself.
        const sock = context.getStream(args.outputStreamId);
        if (args.type === 'send' || args.type === 'both') {
          if (!sock.writableEnded) sock.end();
        }
        return true;
      }
      case 'probe-bind':
        return probeBind(args);
      default:
        throw new Error(`wasip2-run worker extension: unknown operation ${operation}`);
    }
  };
}
