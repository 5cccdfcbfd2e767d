import { describe, expect, it } from 'vitest';
import { isPrivateHost, mayFetchForPage } from '../../lib/net/private-address';

/**
 * Suspected item of issue 22: public DNS names that resolve to private addresses pass the private-address
 * rule. Real for wildcard-DNS names that spell the address (nip.io, sslip.io, traefik.me…): caught now. A
 * name whose DNS record points inward (a corporate name, DNS rebinding) cannot be seen: Chrome gives
 * extensions no DNS API (SECURITY.md, "What is not guaranteed").
 */
describe('names that spell a private address count as private', () => {
  it.each(['127.0.0.1.nip.io', 'app.192.168.1.10.nip.io', '10-0-0-1.sslip.io', 'router.192-168-0-1.example.com', '169.254.169.254.traefik.me', '0.0.0.0.nip.io'])(
    'private: %s',
    (host) => {
      expect(isPrivateHost(host)).toBe(true);
      expect(mayFetchForPage(`https://${host}/a.png`, 'https://news.example.com/')).toBe(false);
    },
  );

  it.each(['8.8.8.8.nip.io', 'cdn.example.com', 'v1-2-3-4.example.com', 'img-2024-01-01.example.com'])('public: %s', (host) => expect(isPrivateHost(host)).toBe(false));
});
