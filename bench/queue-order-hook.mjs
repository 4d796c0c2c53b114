// Preloaded into the server by bench/queue-order.ts (`node --import`): records, for each
// request, its connection, its number on that connection, the client's send time (header
// x-sent), Node's `request` event, `finish`, and a counter of event-loop turns. GET
// /__queue answers the records since the last call. A diagnostic: never in `npm start`.
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

let turn = 0;
const spin = () => {
  turn += 1;
  setImmediate(spin);
};
setImmediate(spin);
let arrived = 0;
let finished = 0;
let connections = 0;
let records = [];
const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
const now = () => performance.timeOrigin + performance.now();
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, ...args) {
  if (event === 'connection') {
    Object.assign(args[0], { queueId: connections++, queueCount: 0, acceptedAt: now() });
  }
  if (event === 'request') {
    const [req, res] = args;
    const socket = req.socket;
    if (req.url === '/__queue') {
      const body = JSON.stringify({ records, loopDelayMaxMs: delay.max / 1e6 });
      records = [];
      delay.reset();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
      return true;
    }
    const record = {
      conn: socket.queueId,
      k: socket.queueCount++,
      acceptedAt: socket.acceptedAt,
      seq: arrived++,
      sent: Number(req.headers['x-sent'] ?? NaN),
      at: now(),
      turnAt: turn,
    };
    res.once('finish', () => {
      Object.assign(record, { done: now(), turnDone: turn, order: finished++ });
      records.push(record);
    });
  }
  return emit.call(this, event, ...args);
};
