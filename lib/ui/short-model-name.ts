/**
 * A model's plain short name for one-line summaries ("2.0", "1.5 lite"): xAI's ids carry a long common
 * prefix that says nothing the summary's context doesn't. Other providers' ids are shown as they are.
 */
export function shortModelName(id: string): string {
  const model = id.trim();
  const match = /^grok-imagine-(?:image|video)(?:-(.+))?$/.exec(model);
  if (!match) return model;
  const rest = match[1];
  if (!rest) return '1.0';
  return rest.replace(/-/g, ' ');
}

/** A model's plain name for details and lists ("Grok Imagine 2.0", "Grok Imagine Video 1.5"). */
export function plainModelName(id: string): string {
  const model = id.trim();
  const match = /^grok-imagine-(image|video)(?:-(.+))?$/.exec(model);
  if (!match) return model;
  return `Grok Imagine${match[1] === 'video' ? ' Video' : ''} ${shortModelName(model)}`;
}
