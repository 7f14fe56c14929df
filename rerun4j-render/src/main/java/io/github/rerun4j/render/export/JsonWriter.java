package io.github.rerun4j.render.export;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes indented JSON by hand, so that neither render, the CLI nor the viewer needs a JSON library: objects, arrays, strings (escaped
 * per RFC 8259), numbers, booleans and null. Commas and indentation are tracked here, so callers only say
 * what comes next.
 *
 * <pre>{@code
 * JsonWriter json = new JsonWriter();
 * json.beginObject().name("rows").value(4).name("file").value("a.rrd").endObject();
 * String text = json.toString();
 * }</pre>
 */
public final class JsonWriter {

    private final StringBuilder out = new StringBuilder();
    /** Per open object/array: has it had an element yet (so the next one needs a comma)? */
    private final Deque<boolean[]> open = new ArrayDeque<>();
    /** True right after {@link #name(String)}: the value goes on the same line, without a comma. */
    private boolean afterName;

    public JsonWriter beginObject() {
        return begin('{');
    }

    public JsonWriter endObject() {
        return end('}');
    }

    public JsonWriter beginArray() {
        return begin('[');
    }

    public JsonWriter endArray() {
        return end(']');
    }

    /** The name of the next member of the current object. */
    public JsonWriter name(String name) {
        separate();
        string(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    public JsonWriter value(String value) {
        separate();
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        return this;
    }

    public JsonWriter value(long value) {
        separate();
        out.append(value);
        return this;
    }

    public JsonWriter value(boolean value) {
        separate();
        out.append(value);
        return this;
    }

    /** The JSON written so far. */
    @Override
    public String toString() {
        return out.toString();
    }

    /**
     * Moves the JSON written so far to {@code sink} and forgets it, keeping the nesting: a long document can be
     * written piece by piece without holding all of it.
     */
    public void drainTo(java.io.PrintWriter sink) {
        sink.append(out);
        out.setLength(0);
    }

    /** {@code text} as a JSON string literal, quotes included. */
    public static String quote(String text) {
        JsonWriter writer = new JsonWriter();
        writer.string(text);
        return writer.toString();
    }

    private JsonWriter begin(char bracket) {
        separate();
        out.append(bracket);
        open.push(new boolean[] {false});
        return this;
    }

    private JsonWriter end(char bracket) {
        boolean hadElements = open.pop()[0];
        if (hadElements) {
            newline();
        }
        out.append(bracket);
        return this;
    }

    /** Before any value or name: the comma and line break that separate it from what came before. */
    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (open.isEmpty()) {
            return;
        }
        boolean[] hadElements = open.peek();
        if (hadElements[0]) {
            out.append(',');
        }
        hadElements[0] = true;
        newline();
    }

    private void newline() {
        out.append('\n');
        out.append("  ".repeat(open.size()));
    }

    private void string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // Control characters must be escaped; U+2028/2029 too, so the output is also valid JavaScript.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
