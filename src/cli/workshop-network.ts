/**
 * Where the workshop can be reached: the laptop's address on the room's network
 * (for the QR code), and the host names the server answers to.
 */
import { isIP } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';

/** Interfaces of containers, virtual machines and VPNs: phones in the room cannot reach those. */
const VIRTUAL = /^(docker|br-|veth|virbr|vmnet|vboxnet|vnic|utun|tun|tap|zt|tailscale|wg|lo)/i;

/** The laptop's IPv4 addresses a phone on the same Wi-Fi can reach, the likeliest first. */
export function lanAddresses(): string[] {
  const candidates: { address: string; rank: number }[] = [];
  for (const [name, entries] of Object.entries(networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (entry.internal || entry.family !== 'IPv4' || entry.address.startsWith('169.254.')) continue;
      const privateRange = /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(entry.address);
      candidates.push({ address: entry.address, rank: (VIRTUAL.test(name) ? 2 : 0) + (privateRange ? 0 : 1) });
    }
  }
  return candidates.sort((a, b) => a.rank - b.rank).map((candidate) => candidate.address);
}

export function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '';
}

/**
 * Host headers the server accepts: any IP address, localhost, and this computer's
 * own name, on the server's port. A page elsewhere that points a name of its own at
 * this laptop (DNS rebinding) is refused.
 */
export function hostChecker(port: number): (header: string) => boolean {
  const ownNames = new Set(['localhost', hostname().toLowerCase(), `${hostname().toLowerCase()}.local`]);
  return (header) => {
    const match = /^(\[[0-9a-f:.]+\]|[^:]+)(?::(\d+))?$/i.exec(header.trim());
    if (!match) return false;
    const name = match[1]!.toLowerCase();
    const givenPort = match[2] === undefined ? 80 : Number(match[2]);
    if (givenPort !== port) return false;
    const bare = name.startsWith('[') ? name.slice(1, -1) : name;
    return isIP(bare) !== 0 || ownNames.has(name);
  };
}

export function urlHost(address: string): string {
  return isIP(address) === 6 ? `[${address}]` : address;
}
