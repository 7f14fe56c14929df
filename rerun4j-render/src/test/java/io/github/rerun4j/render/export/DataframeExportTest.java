package io.github.rerun4j.render.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.render.dataframe.DataframeTable;
import io.github.rerun4j.render.dataframe.DataframeTable.Column;
import io.github.rerun4j.render.dataframe.DataframeTable.Row;
import io.github.rerun4j.sdk.chunk.TimeType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DataframeExportTest {

    private static final DataframeTable TABLE = new DataframeTable("log_time", TimeType.TIMESTAMP, 5, 3,
            List.of(new Column("DepthImage:meter", "DepthImage", "meter", List.of("/a")),
                    new Column("odd,name", "", "odd,name", List.of("/b"))),
            List.of(new Row("/a", OptionalLong.empty(), "", "R1", List.of("10\u2009000", "-")),
                    new Row("/b", OptionalLong.of(1_700_000_000_123_456_789L), "2023-11-14T22:13:20.123456789Z", "R2",
                            List.of("-", "[1, 2] \"q\"\nline"))));

    @Test
    void csvQuotesOnlyWhatNeedsItAndUsesCrlfAndUtf8() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataframeCsv.write(TABLE, out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "entity,log_time,DepthImage:meter,\"odd,name\"\r\n"
                        + "/a,,10\u2009000,-\r\n"
                        + "/b,2023-11-14T22:13:20.123456789Z,-,\"[1, 2] \"\"q\"\"\nline\"\r\n");
        assertThat(out.toByteArray()).startsWith('e');   // no byte-order mark
        assertThat(DataframeCsv.field("plain")).isEqualTo("plain");
        assertThat(DataframeCsv.field("a\rb")).isEqualTo("\"a\rb\"");
    }

    @Test
    void csvOfAStaticOnlyTableNamesTheTimeColumnTime() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataframeCsv.write(new DataframeTable(null, null, 0, 0, List.of(), List.of()), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("entity,time\r\n");
    }

    @Test
    void jsonShape() {
        assertThat(DataframeJson.toJson(TABLE)).isEqualTo("""
                {
                  "timeline": "log_time",
                  "timeline_type": "timestamp",
                  "total_rows": 5,
                  "offset": 3,
                  "columns": [
                    {
                      "component": "DepthImage:meter",
                      "archetype": "DepthImage",
                      "field": "meter",
                      "entities": [
                        "/a"
                      ]
                    },
                    {
                      "component": "odd,name",
                      "archetype": "",
                      "field": "odd,name",
                      "entities": [
                        "/b"
                      ]
                    }
                  ],
                  "rows": [
                    {
                      "entity": "/a",
                      "time": null,
                      "time_text": "",
                      "row_id": "R1",
                      "cells": [
                        "10\u2009000",
                        "-"
                      ]
                    },
                    {
                      "entity": "/b",
                      "time": "1700000000123456789",
                      "time_text": "2023-11-14T22:13:20.123456789Z",
                      "row_id": "R2",
                      "cells": [
                        "-",
                        "[1, 2] \\"q\\"\\nline"
                      ]
                    }
                  ]
                }""");
    }
}
