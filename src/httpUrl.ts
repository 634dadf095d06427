// One answer to "is this an http(s) URL?", for configuration (SLACK_API_URL, DISCORD_API_URL) and for
// the links renderers build from citations.

/** The URL parsed, or undefined for anything but http(s) (javascript:, data:, garbage). */
export function httpUrl(url: string | undefined): URL | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}
