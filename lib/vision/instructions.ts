import type { Mode } from '../model/modes';

/**
 * What the vision model is asked to write, per purpose. The first line names the task (the emulator
 * quotes it back, so tests see which instructions went out); the rest says what a good prompt for that
 * mode contains. Every suggestion ends as one prompt, plain text, no preamble, so it can go straight
 * into the prompt box.
 */
const COMMON = 'Answer with the prompt only: plain text, no preamble, no quotes, no markdown, at most 120 words.';

export const SUGGEST_INSTRUCTIONS: Record<Mode, string> = {
  'create-image': [
    'Task: write an image generation prompt inspired by the picture.',
    'Describe subject, setting, composition, lighting, colour palette and style so a new image in the same spirit can be made.',
    COMMON,
  ].join('\n'),
  'edit-image': [
    'Task: write an image EDIT prompt for the picture.',
    'Say precisely what to change, and name what must stay as it is (subject identity, pose, framing, background) so the edit keeps it.',
    'When several images are given, refer to them as <IMAGE_0>, <IMAGE_1>… in the order given.',
    COMMON,
  ].join('\n'),
  'animate-image': [
    'Task: write an ANIMATION prompt that brings this still image to life as a short video.',
    'Describe subject motion (what moves and how), camera motion (static, push-in, pan, orbit…) and pacing (slow, steady, energetic), starting from this exact frame.',
    COMMON,
  ].join('\n'),
  'create-video': [
    'Task: write a text-to-video prompt inspired by the picture.',
    'Describe the scene, subject motion, camera motion and pacing.',
    COMMON,
  ].join('\n'),
  'reference-video': [
    'Task: write a video prompt that uses the REFERENCE images as <IMAGE_0>, <IMAGE_1>… (in the order given).',
    'Say who or what each <IMAGE_n> contributes (character, object, place, style) and what happens: subject motion, camera motion, pacing.',
    COMMON,
  ].join('\n'),
  'edit-video': [
    'Task: write a video EDIT prompt; the picture is a frame of the video to edit.',
    'Say what to change throughout the clip and what must stay (subjects, motion, framing).',
    COMMON,
  ].join('\n'),
  'extend-video': [
    'Task: write a prompt for what happens NEXT in the video; the picture is a frame of it.',
    'Continue the action naturally: subject motion, camera motion and pacing, in the same style.',
    COMMON,
  ].join('\n'),
};

export const DESCRIBE_INSTRUCTIONS = [
  'Task: DESCRIBE the image.',
  'Write one paragraph a text-to-image model could use to make variations of it: subject, setting, composition, lighting, colours, medium and style.',
  'Plain text, no preamble, at most 120 words.',
].join('\n');

/** The user's turn: what they typed is their intent, taken as the brief for the prompt. */
export function userText(purpose: 'describe' | 'suggest', intent: string): string {
  const typed = intent.trim();
  if (purpose === 'describe') return typed ? `Focus on: ${typed}` : 'Describe this image.';
  return typed
    ? `What I want: ${typed}\nTurn this into a complete prompt for the picture.`
    : 'I have not decided yet: propose the most fitting prompt for this picture.';
}
