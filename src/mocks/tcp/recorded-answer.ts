// A recorded HTTP answer replayed: its headers as the device sent them, minus those the server sets
// itself per connection (length, framing, date), merged without case-duplicates.

/** Headers Node's server writes for every answer; a recorded value would contradict the body sent. */
const SET_PER_ANSWER = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date']);

export function replayableHeaders(recorded: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(recorded).filter(([name]) => !SET_PER_ANSWER.has(name.toLowerCase())));
}

/** `base` overlaid with `over`, where a header of `over` replaces `base`'s of any letter case. */
export function overlayHeaders(base: Record<string, string>, over: Record<string, string>): Record<string, string> {
  const names = new Set(Object.keys(over).map((name) => name.toLowerCase()));
  return { ...Object.fromEntries(Object.entries(base).filter(([name]) => !names.has(name.toLowerCase()))), ...over };
}
