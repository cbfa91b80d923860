/**
 * Drives a command in a real pseudo-terminal through tmux, the way a person at a
 * keyboard would: send keys, wait for the screen to show something, read the screen.
 */
import { execFileSync } from 'node:child_process';

const SOCKET = `pes-test-${process.pid}`;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
}

export class TerminalSession {
  private constructor(readonly name: string) {}

  static start(command: string, options: { cwd: string; width?: number; height?: number; env?: Record<string, string> }): TerminalSession {
    const name = `s${Math.random().toString(36).slice(2, 8)}`;
    const env = Object.entries({ NO_COLOR: '1', ...options.env }).map(([key, value]) => `${key}=${JSON.stringify(value)}`).join(' ');
    // Keep the pane open after the command ends so its last screen and exit code can be read.
    tmux('new-session', '-d', '-s', name, '-x', String(options.width ?? 120), '-y', String(options.height ?? 40), '-c', options.cwd, `env ${env} ${command}; echo "[exit $?]"; sleep 600`);
    return new TerminalSession(name);
  }

  screen(): string {
    return tmux('capture-pane', '-p', '-t', this.name);
  }

  /** Keys as tmux names them: "Enter", "Down", "C-c", or literal text. */
  send(...keys: string[]): void {
    tmux('send-keys', '-t', this.name, ...keys);
  }

  type(text: string): void {
    tmux('send-keys', '-t', this.name, '-l', text);
  }

  async waitFor(pattern: RegExp, timeoutMs = 25_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (pattern.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; the screen shows:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
  }

  /** The pid of the command running in the pane (the shell's child). */
  commandPid(): number {
    const shell = tmux('display-message', '-p', '-t', this.name, '#{pane_pid}').trim();
    const children = execFileSync('ps', ['-o', 'pid=', '--ppid', shell], { encoding: 'utf8' }).trim().split(/\s+/);
    return Number(children[0]);
  }

  close(): void {
    try {
      tmux('kill-session', '-t', this.name);
    } catch {
      // already gone
    }
  }
}
