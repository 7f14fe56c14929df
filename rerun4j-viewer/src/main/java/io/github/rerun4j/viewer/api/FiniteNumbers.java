package io.github.rerun4j.viewer.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * JSON has no NaN or infinity; Jackson would write them as the strings {@code "NaN"} and {@code "Infinity"},
 * so a numeric field would hold a string. A value that is not finite (a NaN pixel under the mouse, an odd
 * meter read leniently from a file) is {@code null} instead, in fields and arrays alike.
 *
 * <pre>{@code
 * objectMapper.registerModule(FiniteNumbers.module());
 * }</pre>
 */
public final class FiniteNumbers {

    private FiniteNumbers() {
    }

    /** The serializers for {@code float}, {@code double}, their boxes and their arrays. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("rerun4j-finite-numbers");
        JsonSerializer<Number> number = new JsonSerializer<>() {
            @Override
            public void serialize(Number value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                write(value.doubleValue(), value instanceof Float, gen);
            }
        };
        module.addSerializer(Double.class, number);
        module.addSerializer(Double.TYPE, number);
        module.addSerializer(Float.class, number);
        module.addSerializer(Float.TYPE, number);
        module.addSerializer(float[].class, new JsonSerializer<>() {
            @Override
            public void serialize(float[] values, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeStartArray();
                for (float v : values) {
                    write(v, true, gen);
                }
                gen.writeEndArray();
            }
        });
        module.addSerializer(double[].class, new JsonSerializer<>() {
            @Override
            public void serialize(double[] values, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeStartArray();
                for (double v : values) {
                    write(v, false, gen);
                }
                gen.writeEndArray();
            }
        });
        return module;
    }

    private static void write(double value, boolean isFloat, JsonGenerator gen) throws IOException {
        if (!Double.isFinite(value)) {
            gen.writeNull();
        } else if (isFloat) {
            gen.writeNumber((float) value); // the float's own shortest text, as before
        } else {
            gen.writeNumber(value);
        }
    }
}
