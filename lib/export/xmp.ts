import type { ResultMetadata } from './metadata';

/**
 * The XMP packet every format carries (JPEG APP1, PNG iTXt "XML:com.adobe.xmp", WebP "XMP " chunk, MP4
 * uuid box). Besides the prompt (dc:description), tool and date, it holds the provenance:
 *   - Iptc4xmpExt:DigitalSourceType — the IPTC property platforms read to label AI media;
 *   - reimagine:History — the versions this one came from, the original first: an rdf:Seq whose items
 *     carry reimagine:Prompt and reimagine:Model as property attributes (RDF/XML's short form of a
 *     struct, which simple XMP readers such as exifr also read);
 *   - reimagine:SourcePage — the page the original was on, only when Options allows it;
 *   - reimagine:EditedArea — a region edit's area in words (metadata.ts areaNote);
 *   - reimagine:Shots — a story's shots in order, items like History's (reimagine:Prompt, reimagine:Model).
 * Every value is escaped; text was cleaned by cleanMetadata.
 */
export const IPTC_EXT_NS = 'http://iptc.org/std/Iptc4xmpExt/2008-02-29/';
export const REIMAGINE_NS = 'https://reimagine.invalid/xmp/1.0/';

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

export function xmpPacket(meta: ResultMetadata): string {
  const chain = meta.chain ?? [];
  return [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ` xmlns:Iptc4xmpExt="${IPTC_EXT_NS}"`,
    ` xmlns:reimagine="${REIMAGINE_NS}"`,
    ` xmp:CreatorTool="${escapeXml(meta.software)}"`,
    ` xmp:CreateDate="${escapeXml(meta.date)}"`,
    meta.digitalSourceType ? ` Iptc4xmpExt:DigitalSourceType="${escapeXml(meta.digitalSourceType)}"` : '',
    meta.sourcePage ? ` reimagine:SourcePage="${escapeXml(meta.sourcePage)}"` : '',
    meta.area ? ` reimagine:EditedArea="${escapeXml(meta.area)}"` : '',
    ` reimagine:Model="${escapeXml(meta.model)}">`,
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(meta.prompt)}</rdf:li></rdf:Alt></dc:description>`,
    chain.length
      ? `<reimagine:History><rdf:Seq>${chain.map((v) => `<rdf:li reimagine:Prompt="${escapeXml(v.prompt)}" reimagine:Model="${escapeXml(v.model)}"/>`).join('')}</rdf:Seq></reimagine:History>`
      : '',
    meta.shots?.length
      ? `<reimagine:Shots><rdf:Seq>${meta.shots.map((v) => `<rdf:li reimagine:Prompt="${escapeXml(v.prompt)}" reimagine:Model="${escapeXml(v.model)}"/>`).join('')}</rdf:Seq></reimagine:Shots>`
      : '',
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('');
}
