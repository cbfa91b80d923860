/**
 * The file system as a test sees it: every file of a folder, byte for byte, to compare
 * before and after a command; a disk that fills up; a folder nobody may write in.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Every entry under `dir` (dot files too): file contents, link targets, and what else is there. */
export function snapshot(dir: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const visit = (folder: string, prefix: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      const stat = lstatSync(path);
      const key = `${prefix}${name}`;
      if (stat.isDirectory()) {
        entries[`${key}/`] = 'folder';
        visit(path, `${key}/`);
      } else if (stat.isSymbolicLink()) entries[key] = `link -> ${readlinkSync(path)}`;
      else if (stat.isFile()) entries[key] = `file ${readFileSync(path).toString('base64')}`;
      else entries[key] = stat.isFIFO() ? 'fifo' : 'other';
    }
  };
  visit(dir, '');
  return entries;
}

export function scratch(prefix = 'pes-adversarial-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

const isRoot = process.getuid?.() === 0;

function tryMount(args: string[]): boolean {
  return spawnSync('mount', args, { stdio: 'ignore' }).status === 0;
}

/**
 * A folder on a disk of `kilobytes` that can fill up. As root that is a real tmpfs (the
 * disk is full: ENOSPC). Where mounting is not allowed, the same runs under a file-size
 * limit of 600 bytes (`prlimit --fsize`: a write past it fails with EFBIG, half-way through,
 * as on a full disk); `prefix` puts that limit on the command. Reports and response
 * files are larger than that, or grow past it answer by answer.
 */
export interface SmallDisk {
  dir: string;
  kind: 'a full tmpfs' | 'a file-size limit';
  /** Prepended to the command line: nothing for tmpfs, `prlimit --fsize=N` otherwise. */
  prefix: string[];
  /** Uses up every free byte, so the next write fails (tmpfs only; with a file-size limit every write past it fails anyway). */
  fill(): void;
  release(): void;
}

export function smallDisk(kilobytes: number): SmallDisk {
  const dir = scratch('pes-small-disk-');
  if (isRoot && tryMount(['-t', 'tmpfs', '-o', `size=${kilobytes}k`, 'tmpfs', dir])) {
    return {
      dir,
      kind: 'a full tmpfs',
      prefix: [],
      fill() {
        const descriptor = openSync(join(dir, '.filler'), 'w');
        const block = Buffer.alloc(4096, 1);
        try {
          for (;;) writeSync(descriptor, block);
        } catch {
          // ENOSPC: the disk is full.
        } finally {
          closeSync(descriptor);
        }
      },
      release() {
        spawnSync('umount', [dir], { stdio: 'ignore' });
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  return {
    dir,
    kind: 'a file-size limit',
    prefix: ['prlimit', '--fsize=600'],
    fill() {},
    release() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A folder in which nothing can be created: a read-only mount as root (whom
 * permissions do not stop), a folder without write permission otherwise.
 */
export function unwritableFolder(): { dir: string; release(): void } {
  const dir = scratch('pes-read-only-');
  if (isRoot) {
    if (!tryMount(['-t', 'tmpfs', '-o', 'ro,size=16k', 'tmpfs', dir])) throw new Error('cannot mount a read-only tmpfs for the test');
    return {
      dir,
      release() {
        spawnSync('umount', [dir], { stdio: 'ignore' });
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  mkdirSync(join(dir, 'locked'), { mode: 0o555 });
  return { dir: join(dir, 'locked'), release: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A named pipe (mkfifo, from coreutils: Node cannot make one). */
export function fifo(path: string): string {
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo ${path} failed: ${made.stderr}`);
  return path;
}
