package io.github.rerun4j.render.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(JsonWriter.quote("a\"b\\c\nd\te\u0001f\u2028")).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001f\\u2028\"");
    }

    @Test
    void keepsOtherUnicodeAsIs() {
        assertThat(JsonWriter.quote("/wörld/カメラ/😀")).isEqualTo("\"/wörld/カメラ/😀\"");
    }

    @Test
    void nestsObjectsAndArraysWithCommasOnlyBetweenElements() {
        String json = new JsonWriter().beginObject()
                .name("n").value(-3)
                .name("empty").beginArray().endArray()
                .name("list").beginArray().value(true).value((String) null).beginObject().name("k").value("v").endObject().endArray()
                .endObject().toString();

        assertThat(json.replaceAll("\\s+", "")).isEqualTo("{\"n\":-3,\"empty\":[],\"list\":[true,null,{\"k\":\"v\"}]}");
    }
}
