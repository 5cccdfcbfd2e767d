// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BatchGrid } from '../../components/batch/BatchGrid';

/** The picker's thumbnails are the page's own addresses: pixels only, and never a private-network knock. */
afterEach(cleanup);

describe('BatchGrid', () => {
  it('loads public thumbnails without a Referer, never a private address from a public page', () => {
    const onToggle = vi.fn();
    render(
      <BatchGrid
        pageUrl="https://news.example.com/story"
        selected={['aaaaaaaa-1']}
        onToggle={onToggle}
        candidates={[
          { id: 'aaaaaaaa-1', url: 'https://cdn.example.net/a.jpg', kind: 'img', width: 640, height: 480, alt: 'harbour' },
          { id: 'bbbbbbbb-2', url: 'http://192.168.1.1/admin/reboot', kind: 'img', width: 300, height: 300 },
        ]}
      />,
    );
    const first = screen.getByRole('checkbox', { name: 'Image 1: harbour (cdn.example.net)' });
    expect((first as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Image 2 (192.168.1.1)' }) as HTMLInputElement).checked).toBe(false);
    const images = document.querySelectorAll('img');
    expect([...images].map((i) => i.getAttribute('src'))).toEqual(['https://cdn.example.net/a.jpg']);
    expect(images[0]?.getAttribute('referrerpolicy')).toBe('no-referrer');
    first.click();
    expect(onToggle).toHaveBeenCalledWith('aaaaaaaa-1', false);
  });
});
