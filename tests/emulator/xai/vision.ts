import { randomUUID } from 'node:crypto';
import { FAULT_GROUPS } from '../faults';
import { type Reply, json } from '../http';
import { averageColour } from '../images';
import type { ApiRequest, ErrorReply, ProviderEnv } from '../provider';
import { CODES, apiError, invalidArgument } from './errors';
import { resolveImage, type ResolvedImage } from './inputs';
import { type LanguageModel, resolveLanguageModel } from './language-models';
import { isErrorReply, usdToTicks } from './models';
import { decodeJsonBody } from './request-body';
import { type ChatBody, type ResponsesBody, chatBodySchema, responsesBodySchema } from './vision-schemas';

/**
 * Image understanding: POST /v1/responses (current) and POST /v1/chat/completions (legacy). Both are
 * reduced to one conversation (instructions, user text, images), answered by a deterministic "model":
 * the reply quotes the first line of the instructions and the user's text, and describes each image by
 * its size and dominant colour, so tests can assert on what the client sent. Image inputs go through the
 * same checks as edits (JPEG/PNG/WebP, ≤ 10 MiB, well-formed data URIs, public URLs fetched in 5 s).
 * `usage` carries token counts; `cost_in_usd_ticks` is there on every other answer when readings rotate
 * (the doc only says the response carries usage), so a client must be able to price tokens itself.
 */

interface Conversation {
  model: string;
  instructions: string[];
  userText: string[];
  images: { url: string; detail: 'auto' | 'low' | 'high'; label: string }[];
  maxOutputTokens?: number;
}

const IMAGE_TILE = 512;
const TOKENS_PER_TILE = 256;
const textTokens = (text: string) => Math.ceil(text.length / 4);

function fromResponses(body: ResponsesBody): Conversation {
  const conversation: Conversation = { model: body.model, instructions: [], userText: [], images: [] };
  if (body.instructions) conversation.instructions.push(body.instructions);
  if (body.max_output_tokens != null) conversation.maxOutputTokens = body.max_output_tokens;
  const messages = typeof body.input === 'string' ? [{ role: 'user' as const, content: body.input }] : body.input;
  messages.forEach((message, m) => {
    const target = message.role === 'system' || message.role === 'developer' ? conversation.instructions : conversation.userText;
    if (typeof message.content === 'string') return void target.push(message.content);
    message.content.forEach((part, p) => {
      if (part.type === 'input_text') target.push(part.text);
      else conversation.images.push({ url: part.image_url, detail: part.detail ?? 'auto', label: `input[${m}].content[${p}].image_url` });
    });
  });
  return conversation;
}

function fromChat(body: ChatBody): Conversation {
  const conversation: Conversation = { model: body.model, instructions: [], userText: [], images: [] };
  const max = body.max_completion_tokens ?? body.max_tokens;
  if (max != null) conversation.maxOutputTokens = max;
  body.messages.forEach((message, m) => {
    const target = message.role === 'system' || message.role === 'developer' ? conversation.instructions : conversation.userText;
    if (typeof message.content === 'string') return void target.push(message.content);
    message.content.forEach((part, p) => {
      if (part.type === 'text') target.push(part.text);
      else conversation.images.push({ url: part.image_url.url, detail: part.image_url.detail ?? 'auto', label: `messages[${m}].content[${p}].image_url` });
    });
  });
  return conversation;
}

function colourName([r, g, b]: [number, number, number]): string {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max - min < 24) return max > 200 ? 'white' : max < 56 ? 'black' : 'grey';
  if (max === r) return g > b + 40 ? (g > r * 0.75 ? 'yellow' : 'orange') : b > g + 40 ? 'magenta' : 'red';
  if (max === g) return b > r + 40 ? 'teal' : 'green';
  return r > g + 40 ? 'purple' : 'blue';
}

function imageTokens(image: ResolvedImage, detail: Conversation['images'][number]['detail']): number {
  if (detail === 'low') return TOKENS_PER_TILE;
  const tiles = Math.ceil(image.size.width / IMAGE_TILE) * Math.ceil(image.size.height / IMAGE_TILE);
  return TOKENS_PER_TILE * (tiles + 1);
}

/** The "model": deterministic text from the request. */
function answerText(conversation: Conversation, images: ResolvedImage[]): string {
  const task = conversation.instructions.join('\n').split('\n').map((line) => line.trim()).find((line) => line !== '');
  const pictures = images.map(
    (image, index) => `<IMAGE_${index}> is a ${image.size.width}x${image.size.height} ${image.format.toUpperCase()} picture, mostly ${colourName(averageColour(image.source))}`,
  );
  const request = conversation.userText.join(' ').replace(/\s+/g, ' ').trim();
  return [
    task ? `${task.slice(0, 120)}` : 'Here is what I see.',
    pictures.length ? `${pictures.join('; ')}.` : '',
    request ? `As asked: ${request.slice(0, 400)}` : '',
  ]
    .filter((piece) => piece !== '')
    .join(' ');
}

interface Answer {
  text: string;
  truncated: boolean;
  model: LanguageModel;
  inputTokens: number;
  imageTokens: number;
  outputTokens: number;
  costTicks: number;
}

async function answer(request: ApiRequest, env: ProviderEnv, conversation: Conversation): Promise<Answer | ErrorReply> {
  if (conversation.model.trim() === '') return invalidArgument('model must not be empty.');
  const model = resolveLanguageModel(conversation.model);
  if (isErrorReply(model)) return model;
  if (conversation.images.length > 0 && !model.inputModalities.includes('image')) {
    return invalidArgument(`Model ${model.id} does not support image input.`);
  }
  if (conversation.userText.length === 0 && conversation.images.length === 0) return invalidArgument('The conversation has no user message.');
  if (conversation.maxOutputTokens !== undefined && conversation.maxOutputTokens < 1) return invalidArgument('max output tokens must be at least 1.');
  const images: ResolvedImage[] = [];
  let imageTokenCount = 0;
  for (const image of conversation.images) {
    const resolved = await resolveImage({ url: image.url }, image.label, env);
    if (isErrorReply(resolved)) return resolved;
    images.push(resolved);
    imageTokenCount += imageTokens(resolved, image.detail);
  }
  const moderation = request.takeFault(FAULT_GROUPS.imageOutcome);
  if (moderation) {
    return apiError(400, CODES.invalidArgument, 'Your request was rejected because it violates the usage guidelines (content moderation).');
  }
  let text = answerText(conversation, images);
  let outputTokens = textTokens(text);
  const truncated = conversation.maxOutputTokens !== undefined && outputTokens > conversation.maxOutputTokens;
  if (truncated && conversation.maxOutputTokens !== undefined) {
    text = text.slice(0, conversation.maxOutputTokens * 4);
    outputTokens = conversation.maxOutputTokens;
  }
  const inputTokens = textTokens([...conversation.instructions, ...conversation.userText].join('\n')) + imageTokenCount;
  const costTicks = usdToTicks((inputTokens * model.usdPerMInput + outputTokens * model.usdPerMOutput) / 1e6);
  return { text, truncated, model, inputTokens, imageTokens: imageTokenCount, outputTokens, costTicks };
}

/** The two endpoints; every other answer omits the cost when readings rotate (the doc promises `usage`, not a price). */
export function createVisionHandlers(env: ProviderEnv) {
  let answersGiven = 0;
  const costField = (ticks: number): { cost_in_usd_ticks?: number } =>
    env.config().rotateReadings && answersGiven++ % 2 === 1 ? {} : { cost_in_usd_ticks: ticks };
  return {
    responses: (request: ApiRequest) => handleResponses(request, env, costField),
    chat: (request: ApiRequest) => handleChatCompletions(request, env, costField),
    reset: () => {
      answersGiven = 0;
    },
  };
}

type CostField = (ticks: number) => { cost_in_usd_ticks?: number };

async function handleResponses(request: ApiRequest, env: ProviderEnv, costField: CostField): Promise<Reply> {
  const body = decodeJsonBody(request, responsesBodySchema);
  if (isErrorReply(body)) return body;
  const result = await answer(request, env, fromResponses(body));
  if (isErrorReply(result)) return result;
  const id = randomUUID();
  return json(200, {
    id: `resp_${id}`,
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    model: result.model.id,
    status: result.truncated ? 'incomplete' : 'completed',
    ...(result.truncated ? { incomplete_details: { reason: 'max_output_tokens' } } : {}),
    output: [
      {
        type: 'message',
        id: `msg_${id}`,
        role: 'assistant',
        status: result.truncated ? 'incomplete' : 'completed',
        content: [{ type: 'output_text', text: result.text, annotations: [] }],
      },
    ],
    usage: {
      input_tokens: result.inputTokens,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: result.outputTokens,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: result.inputTokens + result.outputTokens,
      ...costField(result.costTicks),
    },
  });
}

async function handleChatCompletions(request: ApiRequest, env: ProviderEnv, costField: CostField): Promise<Reply> {
  const body = decodeJsonBody(request, chatBodySchema);
  if (isErrorReply(body)) return body;
  if (body.stream) return invalidArgument('Streaming is not supported by this emulator; send stream:false.');
  const result = await answer(request, env, fromChat(body));
  if (isErrorReply(result)) return result;
  return json(200, {
    id: randomUUID(),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: result.model.id,
    choices: [{ index: 0, message: { role: 'assistant', content: result.text, refusal: null }, finish_reason: result.truncated ? 'length' : 'stop' }],
    usage: {
      prompt_tokens: result.inputTokens,
      completion_tokens: result.outputTokens,
      total_tokens: result.inputTokens + result.outputTokens,
      prompt_tokens_details: { text_tokens: result.inputTokens - result.imageTokens, image_tokens: result.imageTokens, cached_tokens: 0 },
      ...costField(result.costTicks),
    },
    system_fingerprint: `fp_${result.model.id.length.toString(16)}l7c2`,
  });
}
