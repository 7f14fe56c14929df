// Prints a time in its timeline's own units, like Rerun's time panel: sequences as `#42`, timestamps as UTC
// `2026-11-21 18:00:00.123456Z`, durations as `+1.250s`. Fractions come in groups of three digits and are
// left out when zero (the same rule as the CLI's TimeFormat, which uses java.time's ISO printing). Times are
// BigInt nanoseconds: a double cannot hold a nanosecond timestamp exactly.

const NANOS_PER_SECOND = 1_000_000_000n;
const THIN_SPACE = '\u2009';
const MINUS = '\u2212';

/** `type` is the summary's timeline type (sequence, timestamp, duration); `time` a BigInt, number or string. */
export function formatTime(type, time) {
  const t = BigInt(time);
  switch (type) {
    case 'sequence': return '#' + groupedInteger(t);
    case 'timestamp': return formatTimestamp(t);
    case 'duration': return formatDuration(t);
    default: return t.toString();
  }
}

/** Thin-space thousands groups and U+2212 for negatives, like the viewer's integers (`−1 234`). */
export function groupedInteger(value) {
  const digits = (value < 0n ? -value : value).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, THIN_SPACE);
  return value < 0n ? MINUS + grouped : grouped;
}

function formatTimestamp(nanosSinceEpoch) {
  const seconds = floorDiv(nanosSinceEpoch, NANOS_PER_SECOND);
  const nanos = nanosSinceEpoch - seconds * NANOS_PER_SECOND;
  const date = new Date(Number(seconds) * 1000);
  if (Number.isNaN(date.getTime())) return `${nanosSinceEpoch} ns`; // beyond what Date can print
  return date.toISOString().slice(0, -5).replace('T', ' ') + fraction(nanos) + 'Z';
}

function formatDuration(nanos) {
  const sign = nanos < 0n ? '-' : '+';
  const abs = nanos < 0n ? -nanos : nanos;
  return sign + (abs / NANOS_PER_SECOND).toString() + fraction(abs % NANOS_PER_SECOND) + 's';
}

/** `.123`, `.123456` or `.123456789`: the shortest group of three that is exact; empty for zero. */
function fraction(nanos) {
  if (nanos === 0n) return '';
  const digits = nanos.toString().padStart(9, '0');
  if (nanos % 1_000_000n === 0n) return '.' + digits.slice(0, 3);
  if (nanos % 1_000n === 0n) return '.' + digits.slice(0, 6);
  return '.' + digits;
}

function floorDiv(a, b) {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}
