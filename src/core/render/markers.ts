/**
 * Private-use characters that stand for recipient values in a "masked" render, so that what does not depend
 * on the recipient is analysed once per shape of message. Handlebars never escapes them and no address,
 * name or URL contains them.
 */
export const SLOT_OPEN = '\uE000';
export const SLOT_CLOSE = '\uE001';
export const MISSING_OPEN = '\uE002';
export const MISSING_CLOSE = '\uE003';
const SLOT_BASE = 0xe100;
/** Stands for an event value in an "authored" render, where only the template's own words count. */
export const BLANK_MARKER = '\uE004';

/** The marker that stands for value slot `index` in a masked render. */
export function slotMarker(index: number): string {
  return SLOT_OPEN + String.fromCharCode(SLOT_BASE + index) + SLOT_CLOSE;
}

/** The marker a masked render writes where a referenced value is absent or empty. */
export function missingMarker(path: string): string {
  return MISSING_OPEN + path + MISSING_CLOSE;
}

export const SLOT_PATTERN = /\uE000([\uE100-\uEEFF])\uE001/g;
export const MISSING_PATTERN = /\uE002([^\uE003]*)\uE003/g;

/** Index of the slot a marker character stands for. */
export function slotIndex(markerChar: string): number {
  return markerChar.charCodeAt(0) - SLOT_BASE;
}

/** True when the text holds any slot or missing marker. */
export function hasMarkers(text: string): boolean {
  return /[\uE000-\uE003]/.test(text);
}

/** Replaces slot markers by `values[index]` and removes missing markers (a real render writes nothing there). */
export function fillSlots(text: string, values: readonly string[]): string {
  if (!hasMarkers(text)) return text;
  return text.replace(SLOT_PATTERN, (_, ch: string) => values[slotIndex(ch)] ?? '').replace(MISSING_PATTERN, '');
}
