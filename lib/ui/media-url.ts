import { useEffect, useState } from 'react';
import { getMedia, getThumb } from '../storage/media';

/** An object URL for a stored blob, revoked when the component goes away. */
function useBlobUrl(load: () => Promise<Blob | undefined>, key: string | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!key) return;
    let objectUrl: string | undefined;
    let cancelled = false;
    void load().then((blob) => {
      if (cancelled || !blob) return;
      objectUrl = URL.createObjectURL(blob);
      setUrl(objectUrl);
    });
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `load` is derived from `key`
  }, [key]);
  return url;
}

export const useMediaUrl = (mediaId: string | undefined) => useBlobUrl(async () => (mediaId ? (await getMedia(mediaId))?.blob : undefined), mediaId);
export const useThumbUrl = (mediaId: string | undefined) => useBlobUrl(async () => (mediaId ? getThumb(mediaId) : undefined), mediaId);
