/** "reimagine-2026-11-21-a-cat-in-a-hat.jpg": date first so a folder sorts by time, prompt for meaning. */
export function resultFileName(prompt: string, at: number | Date, mimeType: string, index = 0, total = 1): string {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const slug = prompt
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/<image_\d+>/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const suffix = total > 1 ? `-${index + 1}` : '';
  return `reimagine-${day}${slug ? `-${slug}` : ''}${suffix}.${extensionFor(mimeType)}`;
}

export function extensionFor(mimeType: string): string {
  switch (mimeType) {
    case 'image/jpeg':
      return 'jpg';
    case 'image/png':
      return 'png';
    case 'image/webp':
      return 'webp';
    case 'video/mp4':
      return 'mp4';
    default:
      return mimeType.split('/')[1]?.replace(/[^a-z0-9]/g, '') || 'bin';
  }
}
