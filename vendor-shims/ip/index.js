'use strict';
// node-ssdp calls only ip.address(): the first non-internal IPv4 address, else loopback.
const os = require('node:os');
function address() {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const entry of list || []) {
      if (entry.family === 'IPv4' && !entry.internal) return entry.address;
    }
  }
  return '127.0.0.1';
}
module.exports = { address };
