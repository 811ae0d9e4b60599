// tools/lib/proc.mjs, the process helpers the harness and bench/run.mjs share: run()
// captures stdout, stderr and both interleaved, pipes input, times out by killing the
// whole process group (a grandchild too), reports a command that cannot start;
// startPeer() hands back the first stdout line and rejects a peer that exits first;
// pool() keeps order and its limit; tailLines() counts what it left out.
import * as proc from '../../tools/lib/proc.mjs';

let failures = 0;
const check = (ok, what, detail = '') => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok ? '' : `: ${detail}`}`);
  if (!ok) failures++;
};

let r = await proc.run('sh', ['-c', 'echo out; echo err >&2; cat'], { input: 'piped\n', encoding: 'utf8' });
check(r.code === 0 && r.stdout === 'out\npiped\n' && r.stderr === 'err\n' && r.out.length === 14 && r.firstMs !== null,
  'run: stdout, stderr, interleaved output, input piped', JSON.stringify(r));

r = await proc.run('sh', ['-c', 'cat; echo done']);
check(r.code === 0 && Buffer.isBuffer(r.stdout) && r.stdout.toString() === 'done\n', 'run: no input is /dev/null (cat sees EOF at once)', JSON.stringify(r));

// the grandchild holds the pipe open: only a group kill ends the wait at the timeout
const t0 = Date.now();
r = await proc.run('sh', ['-c', 'sleep 30 & sleep 30'], { timeout: 0.5, detached: true });
const took = Date.now() - t0;
check(r.timedOut && r.signal === 'SIGKILL' && took < 10000, `run: a timeout kills the process group (${took} ms)`, JSON.stringify({ ...r, took }));

r = await proc.run('/nonexistent/program', []);
check(r.code !== 0 && r.error && r.error.code === 'ENOENT', 'run: a command that cannot start reports its error', JSON.stringify(r));

const peer = await proc.startPeer('sh', ['-c', 'echo 4242; exec sleep 30'], { timeout: 10 });
check(peer.line === '4242' && peer.port === 4242, 'startPeer: the first stdout line is the port', JSON.stringify(peer.line));
const ended = await peer.stop();
check(ended.signal === 'SIGKILL', 'startPeer: stop() kills it and resolves when it exited', JSON.stringify(ended));

let why = '';
try { await proc.startPeer('sh', ['-c', 'echo oops >&2; exit 3'], { timeout: 10 }); } catch (e) { why = e.message; }
check(/exited 3 before printing its port: oops/.test(why), 'startPeer: a peer that exits first rejects, with its stderr', why);

let running = 0, most = 0;
const order = await proc.pool([30, 10, 20, 5].map((ms, i) => async () => {
  most = Math.max(most, ++running);
  await new Promise((res) => setTimeout(res, ms));
  running--;
  return i;
}), 2);
check(order.join() === '0,1,2,3' && most === 2, 'pool: results in task order, at most n at once', `${order} ${most}`);

const t = proc.tailLines('a\nb\nc\nd\n', 2);
check(t.lines.join() === 'c,d' && t.above === 2, 'tailLines: last lines and the count above', JSON.stringify(t));

process.exit(failures ? 1 : 0);
