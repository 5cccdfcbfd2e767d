import { describe, expect, it } from 'vitest';
import { isPrivateHost, isPrivateUrl, isSameSite, mayFetchForPage, refererFor } from '../../lib/net/hosts';

describe('isPrivateHost / isPrivateUrl', () => {
  const host = (url: string) => new URL(url).hostname;
  it.each([
    'http://127.0.0.1/x.png',
    'http://127.1.2.3/',
    'http://0x7f.1/', // URL normalises to 127.0.0.1
    'http://2130706433/', // decimal 127.0.0.1
    'http://10.0.0.5/',
    'http://172.16.0.1/',
    'http://172.31.255.255/',
    'http://192.168.1.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.64.0.1/',
    'http://0.0.0.0/',
    'http://[::1]/',
    'http://[fc00::1]/',
    'http://[fd12:3456::1]/',
    'http://[fe80::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:192.168.0.1]/',
    'http://localhost:8080/',
    'http://app.localhost/',
    'http://LOCALHOST./',
    'http://intranet/',
    'http://printer.local/',
    'http://wiki.corp/',
    'http://router.home.arpa/',
  ])('%s is private', (url) => {
    expect(isPrivateHost(host(url))).toBe(true);
    expect(isPrivateUrl(url)).toBe(true);
  });

  it.each(['https://example.com/a.jpg', 'https://8.8.8.8/', 'http://172.32.0.1/', 'http://100.128.0.1/', 'https://[2606:4700::1111]/', 'http://cdn.test/x'])('%s is public', (url) => {
    expect(isPrivateHost(host(url))).toBe(false);
    expect(isPrivateUrl(url)).toBe(false);
  });

  it('non-http URLs count as private (never fetched by the worker)', () => {
    expect(isPrivateUrl('file:///etc/passwd')).toBe(true);
    expect(isPrivateUrl('ftp://example.com/')).toBe(true);
    expect(isPrivateUrl('not a url')).toBe(true);
  });
});

describe('mayFetchForPage', () => {
  it('public images from any page', () => {
    expect(mayFetchForPage('https://cdn.example.net/a.jpg', 'https://news.example.com/story?id=1')).toBe(true);
  });
  it('private targets only from a page on that same origin', () => {
    expect(mayFetchForPage('http://127.0.0.1:3000/a.png', 'https://evil.example/')).toBe(false);
    expect(mayFetchForPage('http://192.168.1.1/cam.jpg', 'http://192.168.1.1/admin')).toBe(true);
    expect(mayFetchForPage('http://192.168.1.1:81/cam.jpg', 'http://192.168.1.1/admin')).toBe(false);
    expect(mayFetchForPage('http://localhost/a.png', 'http://127.0.0.1/')).toBe(false);
    expect(mayFetchForPage('http://10.0.0.1/a.png', undefined)).toBe(false);
  });
});

describe('isSameSite', () => {
  it('by registrable domain and scheme', () => {
    expect(isSameSite('https://img.example.com/a.jpg', 'https://www.example.com/page')).toBe(true);
    expect(isSameSite('https://example.co.uk/a.jpg', 'https://www.example.co.uk/')).toBe(true);
    expect(isSameSite('https://bank.co.uk/a.jpg', 'https://evil.co.uk/')).toBe(false); // public suffix, not "last two labels"
    expect(isSameSite('https://alice.github.io/a.png', 'https://mallory.github.io/')).toBe(false); // private registry suffix
    expect(isSameSite('http://example.com/a.jpg', 'https://example.com/')).toBe(false); // schemeful
    expect(isSameSite('http://cdn.test/a.jpg', 'http://site.test/')).toBe(false);
    expect(isSameSite('http://img.site.test/a.jpg', 'http://site.test/')).toBe(true);
    expect(isSameSite('http://127.0.0.1:1/a', 'http://127.0.0.1:2/')).toBe(true);
    expect(isSameSite('https://a.example/', undefined)).toBe(false);
  });
});

describe('refererFor', () => {
  it('is the origin only: no path, query or fragment', () => {
    expect(refererFor('https://news.example.com/2026/story.html?token=secret#top')).toBe('https://news.example.com/');
    expect(refererFor('http://site.test:8080/a?b=c')).toBe('http://site.test:8080/');
    expect(refererFor('file:///home/me/page.html')).toBeUndefined();
    expect(refererFor(undefined)).toBeUndefined();
  });
});
