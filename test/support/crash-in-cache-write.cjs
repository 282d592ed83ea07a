// Preloaded (node --require) by the cache crash test: the process kills itself with SIGKILL — no handler, no clean-up,
// as `kill -9` or a power cut would — in the middle of saving the analysis cache, after the header and one and a half
// records are in the temporary file. The previous cache file must come out of this untouched and usable.
"use strict";
const fs = require("node:fs");

const cacheTemps = new Set();
let writes = 0;
const openSync = fs.openSync;
fs.openSync = function (path, ...rest) {
  const fd = openSync.call(this, path, ...rest);
  if (/analyses\.cache\.\d+\.tmp$/.test(String(path))) cacheTemps.add(fd);
  return fd;
};
const writeSync = fs.writeSync;
fs.writeSync = function (fd, ...rest) {
  const written = writeSync.call(this, fd, ...rest);
  if (cacheTemps.has(fd) && ++writes === 4) process.kill(process.pid, "SIGKILL");
  return written;
};
