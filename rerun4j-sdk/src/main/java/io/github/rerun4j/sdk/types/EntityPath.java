package io.github.rerun4j.sdk.types;

import io.github.rerun4j.sdk.InvalidArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A path in Rerun's entity hierarchy, e.g. {@code /world/camera/depth}: a list of unescaped parts.
 *
 * <p>{@link #parse} is forgiving like Rerun's reader: a missing leading slash, duplicate and trailing
 * slashes are ignored, so {@code "world/camera"}, {@code "/world/camera"} and {@code "world//camera/"}
 * are the same path. Backslash escapes are decoded ({@code \/}, {@code \ }, {@code \n}, <code>&#92;u{XXXX}</code>;
 * an unknown escape keeps the character). {@link #toString} gives the canonical, escaped form.
 * Parts given to {@link #of(String...)} are taken literally (no escaping needed) and must be non-empty:
 * an empty part could not be written back.
 *
 * <pre>{@code
 * EntityPath p = EntityPath.parse("world/camera/depth");
 * p.toString();                                    // "/world/camera/depth"
 * p.parent().orElseThrow();                        // /world/camera
 * p.isDescendantOf(EntityPath.parse("world"));     // true
 * EntityPath.of("my cam", "a/b").toString();       // "/my\ cam/a\/b"
 * }</pre>
 *
 * @param parts the unescaped parts, root first; empty for the root {@code /}
 */
public record EntityPath(List<String> parts) {

    /** The root entity {@code /}. */
    public static final EntityPath ROOT = new EntityPath(List.of());

    /** Copies the parts and rejects null or empty ones. */
    public EntityPath {
        Require.nonNull("EntityPath.parts", parts);
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (part == null || part.isEmpty()) {
                throw new InvalidArgumentException("EntityPath.parts[" + i + "]",
                        part == null ? "null" : "\"\"", "a non-empty part");
            }
        }
        parts = List.copyOf(parts);
    }

    /** A path from literal (unescaped) parts: {@code EntityPath.of("world", "camera")}. */
    public static EntityPath of(String... parts) {
        Require.nonNull("EntityPath.parts", parts);
        return new EntityPath(java.util.Arrays.asList(parts));
    }

    /** Parses the (possibly escaped) string form; see the class doc for what is accepted. */
    public static EntityPath parse(String path) {
        Require.nonNull("EntityPath.path", path);
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '/') {
                if (part.length() > 0) {
                    parts.add(part.toString());
                    part.setLength(0);
                }
                i++;
            } else if (c == '\\' && i + 1 < path.length()) {
                i = unescape(path, i + 1, part);
            } else {
                part.append(c);
                i++;
            }
        }
        if (part.length() > 0) {
            parts.add(part.toString());
        }
        return new EntityPath(parts);
    }

    /** Decodes the escape whose letter is at {@code i}; returns the index after it. */
    private static int unescape(String s, int i, StringBuilder out) {
        char c = s.charAt(i);
        switch (c) {
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> {
                int close = s.indexOf('}', i);
                if (i + 1 < s.length() && s.charAt(i + 1) == '{' && close > i + 2) {
                    try {
                        out.appendCodePoint(Integer.parseInt(s.substring(i + 2, close), 16));
                        return close + 1;
                    } catch (IllegalArgumentException notHex) {
                        // fall through: keep the 'u' like any unknown escape
                    }
                }
                out.append('u');
            }
            default -> out.append(c);
        }
        return i + 1;
    }

    /** True for the root {@code /}. */
    public boolean isRoot() {
        return parts.isEmpty();
    }

    /** The parent path; empty for the root. */
    public Optional<EntityPath> parent() {
        return isRoot() ? Optional.empty() : Optional.of(new EntityPath(parts.subList(0, parts.size() - 1)));
    }

    /** This path with one more literal part: {@code ROOT.child("world")}. */
    public EntityPath child(String part) {
        List<String> more = new ArrayList<>(parts);
        more.add(part);
        return new EntityPath(more);
    }

    /** The last part, or empty for the root. */
    public Optional<String> last() {
        return isRoot() ? Optional.empty() : Optional.of(parts.get(parts.size() - 1));
    }

    /** True if {@code other} is a proper ancestor of this path (a path is not its own descendant). */
    public boolean isDescendantOf(EntityPath other) {
        Require.nonNull("EntityPath.other", other);
        return parts.size() > other.parts.size() && startsWith(other);
    }

    /** True if {@code prefix} equals this path or is an ancestor of it. */
    public boolean startsWith(EntityPath prefix) {
        Require.nonNull("EntityPath.prefix", prefix);
        return parts.size() >= prefix.parts.size() && parts.subList(0, prefix.parts.size()).equals(prefix.parts);
    }

    /** The canonical escaped form Rerun writes: {@code "/world/camera"}, {@code "/"} for the root. */
    @Override
    public String toString() {
        if (isRoot()) {
            return "/";
        }
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            sb.append('/');
            escapeInto(part, sb);
        }
        return sb.toString();
    }

    /** Escapes one part per rrd-format.md §5. */
    static void escapeInto(String part, StringBuilder sb) {
        part.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp) || cp == '_' || cp == '-' || cp == '.') {
                sb.appendCodePoint(cp);
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (cp == ' ' || (cp < 128 && isAsciiPunctuation((char) cp))) {
                sb.append('\\').append((char) cp);
            } else {
                sb.append("\\u{").append(String.format("%04X", cp)).append('}');
            }
        });
    }

    private static boolean isAsciiPunctuation(char c) {
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
    }
}
