import { MediaDownloadError, type MediaDownload } from '@hotline/core';

/** Answers worth another try later: the provider is busy, slow or briefly wrong. */
const TRANSIENT = new Set([408, 425, 429]);

/**
 * Downloads a media URL with HTTP Basic credentials (Twilio's media URLs require them; fetch
 * drops them on a redirect to another origin, where Twilio's signed storage URLs need none).
 * Reads at most `maxBytes` + 1 bytes: enough for the caller to refuse a file too large.
 */
export function httpMediaDownload(options: {
  auth: { username: string; password: string } | null;
  timeoutMs: number;
}): MediaDownload {
  const authorization = options.auth
    ? `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`).toString('base64')}`
    : null;
  return async (url, maxBytes) => {
    const response = await fetch(url, {
      headers: authorization ? { authorization } : {},
      redirect: 'follow',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    if (!response.ok) {
      await response.body?.cancel();
      const isPermanent = response.status < 500 && !TRANSIENT.has(response.status);
      throw new MediaDownloadError(`media answered ${response.status}`, isPermanent);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body ?? []) {
      const piece = Buffer.from(chunk as Uint8Array);
      chunks.push(piece);
      size += piece.length;
      if (size > maxBytes) break;
    }
    return Buffer.concat(chunks);
  };
}
