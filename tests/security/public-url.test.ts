import { describe, expect, it } from 'vitest';
import { readableAnonymously } from '../../lib/background/capture/public-check';
import { isPublicUrl } from '../../lib/security/public-url';

/**
 * Attack: a page image whose address is private (loopback, LAN, cloud metadata, intranet names) or a
 * credential (signed links, tokens) is handed to the provider as a URL. Those must go as bytes.
 */
describe('"Send public image URLs": which addresses count as public', () => {
  it.each([
    'https://cdn.example.com/cat.jpg',
    'https://8.8.8.8/a.png',
    'https://172.32.0.1/a.png',
    'https://[2606:4700::1111]/a.png',
    'https://images.unsplash.com/photo-1549880338-65ddcdfd017b',
    'https://upload.wikimedia.org/wikipedia/commons/a/a9/Example.jpg',
    'https://cdn.example.com/assets/a8f5f167f44f4964e6c998dee827110c.jpg', // a content hash, not a token
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
    // issue 22: any query string is bytes (a parameter we have not heard of may be the signature)
    'https://images.unsplash.com/photo-1?w=800&q=80&fm=jpg',
    'https://example.com/a.jpg?width=640&format=webp',
    'https://example.com/a.jpg#frag',
    // capability URLs: the address is the permission
    'https://cdn.discordapp.com/attachments/111/222/cat.png?ex=65a1b2c3&is=65a06143&hm=0123456789abcdef0123456789abcdef',
    'https://media.discordapp.net/attachments/111/222/cat.png?ex=65a1b2c3&is=65a06143&hm=abc',
    'https://scontent-fra5-1.xx.fbcdn.net/v/t39.30808-6/123_456_n.jpg?_nc_cat=1&ccb=1-7&oh=00_AfB&oe=65A1B2C3',
    'https://scontent.cdninstagram.com/v/t51.2885-15/123_n.jpg?stp=dst-jpg&oh=00_Af&oe=65A1B2C3',
    'https://example.imgix.net/photo.jpg?w=400&s=0123456789abcdef0123456789abcdef',
    'https://res.cloudinary.com/demo/image/upload/s--Ai3Tp3xC--/v1/sample.jpg',
    'https://res.cloudinary.com/demo/image/authenticated/s--6aR8Yb2x--/sample.jpg',
    'https://lh3.googleusercontent.com/pw/AP1GczNx8dWq1y2Z3aBcDeFgHiJkLmNoPqRsTuVwXyZ0123=w1200-h800',
    'https://lh3.googleusercontent.com/a/ACg8ocK',
    'https://photos.google.com/share/AF1QipNx8dWq1y2Z3aBcDeFgHiJkLmNoPq/photo/AF1QipMz',
    'https://cdn.example.com/shared/Xk9fQ2mLp7Rz4TbW8vNc3HsJ6/a.jpg', // a random mixed-case token in the path
    // public names for private addresses (wildcard DNS)
    'https://127.0.0.1.nip.io/a.png',
    'https://app.192.168.1.10.nip.io/a.png',
    'https://10-0-0-1.sslip.io/a.png',
    'https://printer.192-168-1-20.example.com/a.png',
    'https://localtest.me/a.png',
  ])('not public: %s', (url) => expect(isPublicUrl(url)).toBe(false));
});

describe('"Send public image URLs": the worker reads the address anonymously first', () => {
  const answer =
    (status: number, type = 'image/jpeg') =>
    async () =>
      new Response('x', { status, headers: { 'content-type': type } });

  it('an image anyone can read is sent as its address, read without cookies, Referer or redirects', async () => {
    let init: RequestInit | undefined;
    const ok = await readableAnonymously('https://cdn.example.com/cat.jpg', async (_url, options) => {
      init = options;
      return new Response('x', { status: 200, headers: { 'content-type': 'image/jpeg' } });
    });
    expect(ok).toBe(true);
    expect(init).toMatchObject({ credentials: 'omit', redirect: 'error', referrerPolicy: 'no-referrer' });
  });

  it.each([
    ['a login wall', answer(403)],
    ['a login page instead of the image', answer(200, 'text/html')],
    ['no answer the worker may read (CORS, network)', async () => Promise.reject(new TypeError('Failed to fetch'))],
  ])('%s → bytes', async (_name, fetchImpl) => {
    expect(await readableAnonymously('https://cdn.example.com/cat.jpg', fetchImpl as typeof fetch)).toBe(false);
  });

  it('a capability address is never even read', async () => {
    let called = false;
    const fetchImpl = (async () => {
      called = true;
      return new Response('x', { status: 200, headers: { 'content-type': 'image/png' } });
    }) as typeof fetch;
    expect(await readableAnonymously('https://res.cloudinary.com/demo/image/upload/s--Ai3Tp3xC--/v1/sample.jpg', fetchImpl)).toBe(false);
    expect(called).toBe(false);
  });
});
