import { describe, expect, it } from 'vitest';
import { isPublicUrl } from '../../lib/security/public-url';

/**
 * Attack: a page image whose address is private (loopback, LAN, cloud metadata, intranet names) or a
 * credential (signed links, tokens) is handed to the provider as a URL. Those must go as bytes.
 */
describe('"Send public image URLs": which addresses count as public', () => {
  it.each([
    'https://cdn.example.com/cat.jpg',
    'https://images.unsplash.com/photo-1?w=800&q=80&fm=jpg',
    'https://8.8.8.8/a.png',
    'https://172.32.0.1/a.png',
    'https://[2606:4700::1111]/a.png',
    'https://example.com/a.jpg?width=640&format=webp',
  ])('public: %s', (url) => expect(isPublicUrl(url)).toBe(true));

  it.each([
    // not https, or credentials in the URL
    'http://cdn.example.com/cat.jpg',
    'https://user:pass@cdn.example.com/cat.jpg',
    'data:image/png;base64,AAAA',
    'not a url',
    // IPv4 private and special ranges (the URL parser normalises 0x7f.1, 2130706433, 127.1)
    'https://127.0.0.1/a.png',
    'https://127.8.9.10/a.png',
    'https://0x7f.1/a.png',
    'https://2130706433/a.png',
    'https://10.1.2.3/a.png',
    'https://172.16.0.1/a.png',
    'https://172.31.255.254/a.png',
    'https://192.168.1.1/a.png',
    'https://169.254.169.254/latest/meta-data',
    'https://100.64.0.1/a.png',
    'https://100.127.255.1/a.png',
    'https://0.0.0.0/a.png',
    'https://224.0.0.1/a.png',
    // IPv6 loopback, unspecified, link-local, ULA, mapped/compatible IPv4, 6to4, Teredo
    'https://[::1]/a.png',
    'https://[::]/a.png',
    'https://[fe80::1]/a.png',
    'https://[fc00::1]/a.png',
    'https://[fd12:3456:789a::1]/a.png',
    'https://[::ffff:127.0.0.1]/a.png',
    'https://[::ffff:8.8.8.8]/a.png',
    'https://[2002:7f00:1::]/a.png',
    'https://[2001:0:4136:e378::1]/a.png',
    // names that never resolve publicly
    'https://localhost/a.png',
    'https://intranet/a.png',
    'https://nas/photos/a.jpg',
    'https://printer.local/a.png',
    'https://wiki.corp.internal/a.png',
    'https://router.lan/a.png',
    'https://box.home.arpa/a.png',
    'https://app.localhost/a.png',
    // signed or token-carrying links
    'https://bucket.s3.amazonaws.com/a.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=x&X-Amz-Signature=abc',
    'https://storage.googleapis.com/b/a.jpg?X-Goog-Signature=abc',
    'https://d111.cloudfront.net/a.jpg?Expires=1700000000&Signature=abc&Key-Pair-Id=K1',
    'https://acct.blob.core.windows.net/c/a.jpg?sv=2020&se=2030&sig=abc',
    'https://cdn.example.com/a.jpg?token=abc',
    'https://cdn.example.com/a.jpg?access_token=abc',
    'https://cdn.example.com/a.jpg?auth=abc',
    'https://cdn.example.com/a.jpg?key=abc',
    'https://cdn.example.com/a.jpg?api_key=abc',
    'https://cdn.example.com/a.jpg?hdnts=exp=1~hmac=abc',
    'https://cdn.example.com/a.jpg?sessionid=abc',
    'https://cdn.example.com/a.jpg#access_token=abc',
  ])('not public: %s', (url) => expect(isPublicUrl(url)).toBe(false));
});
