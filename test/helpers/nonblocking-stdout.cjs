// Preloaded with `node --require` before pes: creating process.stdout on a pipe makes
// libuv switch the pipe to non-blocking mode, as any Node program holding it does, so
// pes's plain writes meet EAGAIN once the pipe is full.
void process.stdout;
