// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BatchGrid } from '../../components/batch/BatchGrid';

/**
 * The picker's thumbnails are bytes (data: URLs), never the page's addresses: an <img src> of a page-chosen URL
 * in an extension page is a credentialed GET the page aimed (issue 22, attack 2).
 */
afterEach(cleanup);

const THUMB = 'data:image/jpeg;base64,/9j/4AAQSkZJRg==';

describe('BatchGrid', () => {
  it('shows thumbnails as bytes and never loads a candidate address', () => {
    const onToggle = vi.fn();
    render(
      <BatchGrid
        selected={['aaaaaaaa-1']}
        onToggle={onToggle}
        candidates={[
          { id: 'aaaaaaaa-1', url: 'https://cdn.example.net/a.jpg', kind: 'img', width: 640, height: 480, alt: 'harbour', thumb: THUMB },
          { id: 'bbbbbbbb-2', url: 'https://bank.example/transfer?to=attacker&amount=1000', kind: 'img', width: 300, height: 300 },
          { id: 'cccccccc-3', url: 'http://192.168.1.1/admin/reboot', kind: 'img', width: 300, height: 300 },
        ]}
      />,
    );
    const first = screen.getByRole('checkbox', { name: 'Image 1: harbour (cdn.example.net)' });
    expect((first as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Image 3 (192.168.1.1)' }) as HTMLInputElement).checked).toBe(false);
    const sources = [...document.querySelectorAll('img')].map((i) => i.getAttribute('src'));
    expect(sources).toEqual([THUMB]);
    first.click();
    expect(onToggle).toHaveBeenCalledWith('aaaaaaaa-1', false);
  });
});
