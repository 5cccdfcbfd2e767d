import { z } from 'zod';

/**
 * Bodies of the two text endpoints as the server's types see them (failures → 422). Unknown fields are
 * ignored, null counts as absent. Content is a string or a list of typed parts; a part type the endpoint
 * does not know is a 422, like an unknown enum variant.
 */
const detail = z.enum(['auto', 'low', 'high']).nullish();

const responsesPart = z.discriminatedUnion('type', [
  z.object({ type: z.literal('input_text'), text: z.string() }),
  z.object({ type: z.literal('input_image'), image_url: z.string(), detail }),
]);
export type ResponsesPart = z.infer<typeof responsesPart>;

const responsesMessage = z.object({
  type: z.literal('message').nullish(),
  role: z.enum(['system', 'developer', 'user', 'assistant']),
  content: z.union([z.string(), z.array(responsesPart)]),
});

export const responsesBodySchema = z.object({
  model: z.string(),
  input: z.union([z.string(), z.array(responsesMessage)]),
  instructions: z.string().nullish(),
  max_output_tokens: z.number().int().nullish(),
  temperature: z.number().nullish(),
  store: z.boolean().nullish(),
  user: z.string().nullish(),
});
export type ResponsesBody = z.infer<typeof responsesBodySchema>;

const chatPart = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('image_url'), image_url: z.object({ url: z.string(), detail }) }),
]);

export const chatBodySchema = z.object({
  model: z.string(),
  messages: z.array(
    z.object({
      role: z.enum(['system', 'developer', 'user', 'assistant']),
      content: z.union([z.string(), z.array(chatPart)]),
    }),
  ),
  max_tokens: z.number().int().nullish(),
  max_completion_tokens: z.number().int().nullish(),
  temperature: z.number().nullish(),
  stream: z.boolean().nullish(),
  user: z.string().nullish(),
});
export type ChatBody = z.infer<typeof chatBodySchema>;
