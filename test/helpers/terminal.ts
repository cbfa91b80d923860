/**
 * Drives `pes` in a real pseudo-terminal, the way a person at a keyboard would: send
 * keys, wait for the screen to show something, read the screen. The terminal is a
 * registry package with prebuilt binaries (@lydell/node-pty) and the screen is kept
 * by a headless xterm.js, which interprets every escape sequence as a terminal does,
 * so what `screen()` returns is what a person would see, scrollback included.
 * Nothing outside `npm install` is needed (no tmux, no shell).
 */
import { spawn, type IPty } from '@lydell/node-pty';
import xterm, { type Terminal } from '@xterm/headless';
import { BIN } from './cli.js';

export interface Exit {
  exitCode: number;
  /** The signal that ended the process, 0 when it exited on its own. */
  signal: number;
}

/** Keys by the names tmux and people use; arrows follow the cursor-key mode the program set. */
function keySequence(key: string, applicationCursor: boolean): string {
  const arrow = (letter: string) => (applicationCursor ? `\u001bO${letter}` : `\u001b[${letter}`);
  switch (key) {
    case 'Enter':
      return '\r';
    case 'Up':
      return arrow('A');
    case 'Down':
      return arrow('B');
    case 'Right':
      return arrow('C');
    case 'Left':
      return arrow('D');
    case 'Tab':
      return '\t';
    case 'Space':
      return ' ';
    case 'BSpace':
      return '\u007f';
    case 'Escape':
      return '\u001b';
    case 'C-c':
      return '\u0003';
    case 'C-d':
      return '\u0004';
    default:
      return key;
  }
}

export class TerminalSession {
  private readonly terminal: Terminal;
  private readonly exit: Promise<Exit>;
  private ended: Exit | undefined;
  /** Output still being parsed by the terminal; the screen is read only after it. */
  private pending = 0;

  private constructor(
    private readonly child: IPty,
    width: number,
    height: number,
  ) {
    this.terminal = new xterm.Terminal({ cols: width, rows: height, scrollback: 10_000, allowProposedApi: true });
    child.onData((data) => {
      this.pending++;
      this.terminal.write(data, () => this.pending--);
    });
    this.exit = new Promise((resolve) =>
      child.onExit(({ exitCode, signal }) => {
        this.ended = { exitCode, signal: signal ?? 0 };
        resolve(this.ended);
      }),
    );
  }

  /** Runs `node bin/pes ARGS...` in a terminal of the given size; `wrapper` runs it through another program (e.g. prlimit). */
  static start(args: readonly string[], options: { cwd: string; width?: number; height?: number; env?: Record<string, string>; wrapper?: readonly string[] }): TerminalSession {
    const width = options.width ?? 120;
    const height = options.height ?? 40;
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    delete env.FORCE_COLOR;
    Object.assign(env, { TERM: 'xterm-256color', NO_COLOR: '1' }, options.env);
    const command = [...(options.wrapper ?? []), process.execPath, BIN, ...args];
    const child = spawn(command[0]!, command.slice(1), { name: 'xterm-256color', cols: width, rows: height, cwd: options.cwd, env });
    return new TerminalSession(child, width, height);
  }

  /** The process id of `pes` itself (a wrapper such as prlimit replaces itself with it). */
  get pid(): number {
    return this.child.pid;
  }

  /** The visible screen, one line per row, trailing blanks removed. */
  screen(): string {
    const buffer = this.terminal.buffer.active;
    return this.lines(buffer.viewportY, buffer.viewportY + this.terminal.rows);
  }

  /** Everything the terminal still holds: the scrollback above the screen, then the screen. */
  everything(): string {
    return this.lines(0, this.terminal.buffer.active.length);
  }

  private lines(from: number, to: number): string {
    const buffer = this.terminal.buffer.active;
    const rows: string[] = [];
    for (let row = from; row < to; row++) rows.push(buffer.getLine(row)?.translateToString(true) ?? '');
    return rows.join('\n').replace(/\n+$/, '');
  }

  /** Calls `listener` whenever the program sets the terminal's title (OSC 0 or 2). */
  onTitle(listener: (title: string) => void): void {
    this.terminal.onTitleChange(listener);
  }

  /** Keys as tmux names them: "Enter", "Down", "C-c", ... or literal text. */
  send(...keys: string[]): void {
    const applicationCursor = this.terminal.modes.applicationCursorKeysMode;
    for (const key of keys) this.child.write(keySequence(key, applicationCursor));
  }

  type(text: string): void {
    this.child.write(text);
  }

  async waitFor(pattern: RegExp, timeoutMs = 25_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.pending === 0 ? this.screen() : '';
      if (pattern.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; the screen shows:\n${this.screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
  }

  /** Waits for `pes` to end; the screen stays readable afterwards. */
  async exited(timeoutMs = 25_000): Promise<Exit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`pes did not exit within ${timeoutMs} ms; the screen shows:\n${this.screen()}`)), timeoutMs);
    });
    try {
      const exit = await Promise.race([this.exit, timeout]);
      // Let the terminal finish parsing the last output before anyone reads the screen.
      while (this.pending > 0) await new Promise((resolve) => setTimeout(resolve, 10));
      return exit;
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    if (this.ended === undefined) {
      try {
        this.child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
    this.terminal.dispose();
  }
}
