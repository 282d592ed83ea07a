// Preloaded (node --require) into every server and CLI process the tests start, and inherited by their worker
// threads: Article Lens opens no network connection and looks up no host name, ever. Any attempt is written to stderr
// as "NETWORK ACCESS: …" (which the tests look for) and fails, so nothing can reach out quietly.
"use strict";
const net = require("node:net");
const dns = require("node:dns");
const tls = require("node:tls");
const http = require("node:http");
const https = require("node:https");

function refuse(what) {
  const message = `NETWORK ACCESS: ${what}`;
  process.stderr.write(`${message}\n${new Error(message).stack}\n`);
  throw new Error(message);
}

const describe = (args) => {
  const first = args[0];
  if (first && typeof first === "object") return JSON.stringify({ host: first.host, port: first.port, path: first.path });
  return args.filter((a) => typeof a !== "function").map(String).join(" ");
};

net.Socket.prototype.connect = function connect(...args) {
  refuse(`socket connect ${describe(args)}`);
};
for (const name of ["lookup", "resolve", "resolve4", "resolve6", "resolveAny", "reverse"]) {
  dns[name] = (...args) => refuse(`dns.${name} ${describe(args)}`);
  if (dns.promises[name]) dns.promises[name] = async (...args) => refuse(`dns.promises.${name} ${describe(args)}`);
}
tls.connect = (...args) => refuse(`tls.connect ${describe(args)}`);
for (const [label, mod] of [["http", http], ["https", https]]) {
  mod.request = (...args) => refuse(`${label}.request ${describe(args)}`);
  mod.get = (...args) => refuse(`${label}.get ${describe(args)}`);
}
if (typeof globalThis.fetch === "function") globalThis.fetch = async (...args) => refuse(`fetch ${describe(args)}`);
