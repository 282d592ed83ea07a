// Preloaded (node --require) by the cache crash test: the process kills itself with SIGKILL — no handler, no clean-up,
// as `kill -9` or a power cut would — in the middle of saving the analysis cache: its first write to the temporary
// file puts half of its bytes on disk, then the process dies. The previous cache file must come out of this
// untouched and usable.
"use strict";
const fs = require("node:fs");

const cacheTemps = new Set();
const openSync = fs.openSync;
fs.openSync = function (path, ...rest) {
  const fd = openSync.call(this, path, ...rest);
  if (/analyses-[0-9a-f]{2}\.cache\.\d+\.tmp$/.test(String(path))) cacheTemps.add(fd);
  return fd;
};
const writeSync = fs.writeSync;
fs.writeSync = function (fd, buffer, offset = 0, length, ...rest) {
  if (!cacheTemps.has(fd) || typeof buffer === "string") return writeSync.call(this, fd, buffer, offset, length, ...rest);
  const size = length ?? buffer.byteLength - offset;
  writeSync.call(this, fd, buffer, offset, Math.max(1, size >> 1));
  process.kill(process.pid, "SIGKILL");
  return size;
};
