// Build shim: commander requires child_process at start-up only to spawn executable
// subcommands, which pes never uses. Loading it lazily keeps ~4 ms off every start.
let real;
module.exports = new Proxy({}, {
  get(_, name) {
    real ??= require('node:child_process');
    return real[name];
  },
});
