const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif', 'video/mp4': 'mp4', 'video/webm': 'webm' };

/** File extension for a stored media type (downloads, archive entries). */
export const extensionFor = (mimeType: string) => EXT[mimeType] ?? 'bin';
