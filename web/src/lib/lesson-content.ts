// Turns a lesson's plain text and video URL into something safe to render (no HTML from the server).

/** Paragraphs split on blank lines; single newlines stay as line breaks inside a paragraph. */
export function lessonParagraphs(text: string): string[][] {
  return text
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').map((line) => line.trim()).filter(Boolean))
    .filter((lines) => lines.length > 0);
}

export type LessonVideo = { kind: 'file'; url: string } | { kind: 'link'; url: string };

/**
 * A direct media file plays in a <video> element (so play/pause/seek can be recorded); anything else
 * (a hosted player page) becomes a link. Only http(s) and same-site URLs are used.
 */
export function lessonVideo(videoUrl: string | null | undefined, base: string): LessonVideo | null {
  if (!videoUrl) return null;
  let url: URL;
  try {
    url = new URL(videoUrl, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return /\.(mp4|webm|ogv|ogg|m4v)$/i.test(url.pathname) ? { kind: 'file', url: url.href } : { kind: 'link', url: url.href };
}
