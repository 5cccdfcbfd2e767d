import { formatNumber, t } from '../i18n';
/**
 * Hard limits on an archive being imported. An archive is attacker-controlled input: each limit is
 * checked on the sizes the zip declares *before* anything is inflated, and again on the bytes actually
 * inflated, which stop the moment a limit is passed (a zip may lie about its sizes).
 */
const MiB = 1024 * 1024;

export const ARCHIVE_LIMITS = {
  /** The .zip file itself (it is read into memory whole). */
  fileBytes: 2048 * MiB,
  /** Everything inflated together. */
  totalBytes: 2048 * MiB,
  /** One media file: well above the largest result or source we store (videos are tens of MB). */
  mediaBytes: 200 * MiB,
  /** One thumbnail (ours are small JPEGs of a few kB). */
  thumbBytes: 2 * MiB,
  /** manifest.json: ~1.5 kB per job, so 20,000 jobs with long prompts fit. */
  manifestBytes: 32 * MiB,
  jobs: 20_000,
  /** Versions made from versions: far beyond any real chain of edits, short of a stack-breaking one. */
  lineageDepth: 1_000,
  /** Media listed in the manifest (each is a file, most with a thumbnail). */
  media: 65_534,
  /** Files in the zip: as many as a zip without zip64 (which our exporter never writes) can hold. */
  entries: 65_535,
} as const;

/** "32 MiB", "200 MiB", "1.5 GiB": for messages. */
export function formatBytes(bytes: number): string {
  const size = (value: number) => formatNumber(value, { maximumFractionDigits: 1 });
  if (bytes >= 1024 * MiB) return t('units.gibibytes', { size: size(bytes / (1024 * MiB)) });
  if (bytes >= MiB) return t('units.mebibytes', { size: size(bytes / MiB) });
  // Intl has kilobyte and byte (not mebibyte/gibibyte: those are keys).
  if (bytes >= 1024) return formatNumber(bytes / 1024, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 });
  return formatNumber(bytes, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
}
