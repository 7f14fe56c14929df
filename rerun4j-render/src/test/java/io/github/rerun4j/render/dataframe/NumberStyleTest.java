package io.github.rerun4j.render.dataframe;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.render.dataframe.NumberStyle.Precision;
import org.junit.jupiter.api.Test;

/** The two ways a dataframe cell writes numbers. */
class NumberStyleTest {

    @Test
    void viewerGroupsWithThinSpacesAndUsesTheMinusSign() {
        assertThat(NumberStyle.VIEWER.integer(-12345)).isEqualTo("\u221212\u2009345");
        assertThat(NumberStyle.VIEWER.unsignedInteger(-1L)).isEqualTo("18\u2009446\u2009744\u2009073\u2009709\u2009551\u2009615");
        assertThat(NumberStyle.VIEWER.floating(10000, Precision.F32)).isEqualTo("10\u2009000");
        assertThat(NumberStyle.VIEWER.floating(1.0 / 3, Precision.F64)).isEqualTo("0.333\u2009333\u2009333\u2009333\u2009333");
    }

    @Test
    void rawIsPlainAndReadsBackExactly() {
        assertThat(NumberStyle.RAW.integer(-12345)).isEqualTo("-12345");
        assertThat(NumberStyle.RAW.integer(Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
        assertThat(NumberStyle.RAW.unsignedInteger(-1L)).isEqualTo("18446744073709551615");
        assertThat(NumberStyle.RAW.floating(10000, Precision.F32)).isEqualTo("10000.0");
        float third = 1.0f / 3;
        assertThat(Float.parseFloat(NumberStyle.RAW.floating(third, Precision.F32))).isEqualTo(third);
        assertThat(Double.parseDouble(NumberStyle.RAW.floating(1.0 / 3, Precision.F64))).isEqualTo(1.0 / 3);
        assertThat(NumberStyle.RAW.floating(65504, Precision.F16)).isEqualTo("65504.0");
        assertThat(NumberStyle.RAW.floating(Double.NaN, Precision.F32)).isEqualTo("NaN");
        assertThat(NumberStyle.RAW.floating(Double.NEGATIVE_INFINITY, Precision.F64)).isEqualTo("-Infinity");
    }
}
