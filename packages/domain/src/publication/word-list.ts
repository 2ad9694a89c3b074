/** A word list written with one `|` between entries, across as many lines as it takes. */
export function list(text: string): string[] {
  return text
    .split('|')
    .map((w) => w.trim().replace(/\s+/g, ' '))
    .filter((w) => w.length > 0);
}
