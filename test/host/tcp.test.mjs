// Host bugs 3, 4, 8, 11, 13 (docs/host-notes.md): TCP on preview2-shim vs wasip2-run's fixes,
// plus the 64-byte round-trip figures (time, host calls) with and without the fixes; the time
// check allows 1.5x because run-to-run noise on loopback is about 15%.
import { bug, done, runScenario } from './lib.mjs';

// bug 3: shutdown(send) must half-close: the peer sees EOF, replies, we read the reply
await bug('bug 3 half-close after shutdown(send)', 'half-close', {
  timeoutMs: 5000,
  peer: (c) => { let d = ''; c.on('data', (x) => { d += x; }); c.on('end', () => c.end(`got ${d}`)); },
});
// bug 4: connect to a bound, not listening port is refused; that socket can listen later
await bug('bug 4 bind does not listen', 'bind-no-listen');
// bug 13: a second bind of a port the program holds (regression of the bug 4 fix, whose probe
// releases the port; the bare shim listens at bind, so it does not show this one)
await bug('bug 13 second bind of a held port', 'double-bind');
// bug 11: two small writes then a reply: Nagle + delayed ACK stall ~40 ms per exchange
await bug('bug 11 Nagle disabled', 'nodelay', {
  peer: (c) => { let n = 0; c.on('data', (x) => { n += x.length; while (n >= 2) { n -= 2; c.write('r'); } }); },
});
// bug 8: first send after the peer closed is accepted (as on Linux)
await bug('bug 8 send after peer close', 'send-after-peer-close', { peer: (c) => c.destroy() });

// figures: 64-byte echo round trip, bare vs fixed (the fix must not slow the common path)
const echo = (c) => { c.setNoDelay(true); c.on('data', (x) => c.write(x)); c.on('end', () => c.end()); };
const bare = await runScenario('rtt', 'bare', { peer: echo, timeoutMs: 60000 });
const shim = await runScenario('rtt', 'shim', { peer: echo, timeoutMs: 60000 });
const fixed = await runScenario('rtt', 'fixed', { peer: echo, timeoutMs: 60000 });
console.log(`figure: 64-byte TCP round trip: bare ${bare.usPerRoundTrip} us, ${bare.hostCallsPerRoundTrip} host calls; `
  + `--host=shim ${shim.usPerRoundTrip} us, ${shim.hostCallsPerRoundTrip} host calls; `
  + `native ${fixed.usPerRoundTrip} us, ${fixed.hostCallsPerRoundTrip} host calls`);
for (const [what, r] of [['the shim fixes', shim], ['the native host', fixed]]) {
  if (!(r.hostCallsPerRoundTrip <= bare.hostCallsPerRoundTrip) || !(r.usPerRoundTrip < bare.usPerRoundTrip * 1.5)) {
    console.log(`FAIL round trip slower or more host calls with ${what}`);
    process.exitCode = 1;
  }
}
done();
