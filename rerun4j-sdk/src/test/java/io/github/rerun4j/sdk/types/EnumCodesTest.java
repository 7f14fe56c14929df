package io.github.rerun4j.sdk.types;

import io.github.rerun4j.sdk.InvalidArgumentException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnumCodesTest {

    @Test
    void colormapCodesMatchRerun() {
        Map<Colormap, Integer> expected = new LinkedHashMap<>();
        expected.put(Colormap.GRAYSCALE, 1);
        expected.put(Colormap.INFERNO, 2);
        expected.put(Colormap.MAGMA, 3);
        expected.put(Colormap.PLASMA, 4);
        expected.put(Colormap.TURBO, 5);
        expected.put(Colormap.VIRIDIS, 6);
        expected.put(Colormap.CYAN_TO_YELLOW, 7);
        expected.put(Colormap.SPECTRAL, 8);
        expected.put(Colormap.TWILIGHT, 9);
        expected.put(Colormap.RVIZ_MAP, 10);
        expected.put(Colormap.RVIZ_COSTMAP, 11);
        assertThat(expected).hasSize(Colormap.values().length);
        expected.forEach((c, code) -> {
            assertThat(c.code()).as(c.name()).isEqualTo(code);
            assertThat(Colormap.fromCode(code)).isEqualTo(c);
            assertThat(Colormap.tryFromCode(code)).contains(c);
        });
    }

    @Test
    void colormapNamesAreCaseInsensitive() {
        assertThat(Colormap.fromName("viridis")).isEqualTo(Colormap.VIRIDIS);
        assertThat(Colormap.fromName("TURBO")).isEqualTo(Colormap.TURBO);
        assertThat(Colormap.fromName("CyanToYellow")).isEqualTo(Colormap.CYAN_TO_YELLOW);
        assertThat(Colormap.fromName("cyan_to_yellow")).isEqualTo(Colormap.CYAN_TO_YELLOW);
        assertThat(Colormap.fromName("rvizcostmap")).isEqualTo(Colormap.RVIZ_COSTMAP);
        assertThat(Colormap.VIRIDIS).hasToString("Viridis");
        assertThatThrownBy(() -> Colormap.fromName("jet"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("Colormap.name").hasMessageContaining("\"jet\"").hasMessageContaining("Viridis");
    }

    @Test
    void unknownCodesThrowOrAreEmpty() {
        assertThatThrownBy(() -> Colormap.fromCode(12))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageStartingWith("Colormap.code: got 12, expected one of 1 (Grayscale)");
        assertThat(Colormap.tryFromCode(0)).isEmpty();
        assertThat(Colormap.tryFromCode(12)).isEmpty();
        assertThat(ChannelDatatype.tryFromCode(14)).isEmpty();
        assertThat(MagnificationFilter.tryFromCode(4)).isEmpty();
        assertThat(ColorModel.tryFromCode(0)).isEmpty();
        assertThat(PixelFormat.tryFromCode(21)).isEmpty();
        assertThat(TransformRelation.tryFromCode(3)).isEmpty();
        assertThat(ViewDir.tryFromCode(7)).isEmpty();
        for (Runnable r : new Runnable[] {
                () -> ChannelDatatype.fromCode(0), () -> MagnificationFilter.fromCode(0),
                () -> ColorModel.fromCode(6), () -> PixelFormat.fromCode(0),
                () -> TransformRelation.fromCode(0), () -> ViewDir.fromCode(0)}) {
            assertThatThrownBy(r::run).isInstanceOf(InvalidArgumentException.class)
                    .satisfies(e -> assertThat(((InvalidArgumentException) e).expected()).startsWith("one of"));
        }
    }

    @Test
    void channelDatatypeCodesSizesAndKinds() {
        Object[][] table = {
                {ChannelDatatype.U8, 6, 1, false, false},
                {ChannelDatatype.I8, 7, 1, false, true},
                {ChannelDatatype.U16, 8, 2, false, false},
                {ChannelDatatype.I16, 9, 2, false, true},
                {ChannelDatatype.U32, 10, 4, false, false},
                {ChannelDatatype.I32, 11, 4, false, true},
                {ChannelDatatype.U64, 12, 8, false, false},
                {ChannelDatatype.I64, 13, 8, false, true},
                {ChannelDatatype.F16, 33, 2, true, true},
                {ChannelDatatype.F32, 34, 4, true, true},
                {ChannelDatatype.F64, 35, 8, true, true},
        };
        assertThat(table.length).isEqualTo(ChannelDatatype.values().length);
        for (Object[] row : table) {
            ChannelDatatype dt = (ChannelDatatype) row[0];
            assertThat(dt.code()).as(dt.name()).isEqualTo(row[1]);
            assertThat(dt.bytesPerElement()).as(dt.name()).isEqualTo(row[2]);
            assertThat(dt.isFloat()).as(dt.name()).isEqualTo(row[3]);
            assertThat(dt.isSigned()).as(dt.name()).isEqualTo(row[4]);
            assertThat(ChannelDatatype.fromCode((int) row[1])).isEqualTo(dt);
        }
    }

    @Test
    void smallEnumCodes() {
        assertThat(MagnificationFilter.NEAREST.code()).isEqualTo(1);
        assertThat(MagnificationFilter.LINEAR.code()).isEqualTo(2);
        assertThat(MagnificationFilter.BICUBIC.code()).isEqualTo(3);
        assertThat(MagnificationFilter.fromCode(3)).isEqualTo(MagnificationFilter.BICUBIC);
        assertThat(ColorModel.L.code()).isEqualTo(1);
        assertThat(ColorModel.RGB.code()).isEqualTo(2);
        assertThat(ColorModel.RGBA.code()).isEqualTo(3);
        assertThat(ColorModel.BGR.code()).isEqualTo(4);
        assertThat(ColorModel.BGRA.code()).isEqualTo(5);
        assertThat(ColorModel.fromCode(5)).isEqualTo(ColorModel.BGRA);
        assertThat(ColorModel.RGBA.channels()).isEqualTo(4);
        assertThat(TransformRelation.PARENT_FROM_CHILD.code()).isEqualTo(1);
        assertThat(TransformRelation.CHILD_FROM_PARENT.code()).isEqualTo(2);
        assertThat(TransformRelation.fromCode(2)).isEqualTo(TransformRelation.CHILD_FROM_PARENT);
        assertThat(ViewDir.UP.code()).isEqualTo(1);
        assertThat(ViewDir.DOWN.code()).isEqualTo(2);
        assertThat(ViewDir.RIGHT.code()).isEqualTo(3);
        assertThat(ViewDir.LEFT.code()).isEqualTo(4);
        assertThat(ViewDir.FORWARD.code()).isEqualTo(5);
        assertThat(ViewDir.BACK.code()).isEqualTo(6);
        assertThat(ViewDir.fromLetter('f')).isEqualTo(ViewDir.FORWARD);
    }

    @Test
    void pixelFormatCodesAndSizes() {
        Map<PixelFormat, Integer> expected = new LinkedHashMap<>();
        expected.put(PixelFormat.Y_U_V12_LIMITED_RANGE, 20);
        expected.put(PixelFormat.NV12, 26);
        expected.put(PixelFormat.YUY2, 27);
        expected.put(PixelFormat.Y8_FULL_RANGE, 30);
        expected.put(PixelFormat.Y_U_V24_LIMITED_RANGE, 39);
        expected.put(PixelFormat.Y_U_V24_FULL_RANGE, 40);
        expected.put(PixelFormat.Y8_LIMITED_RANGE, 41);
        expected.put(PixelFormat.Y_U_V12_FULL_RANGE, 44);
        expected.put(PixelFormat.Y_U_V16_LIMITED_RANGE, 49);
        expected.put(PixelFormat.Y_U_V16_FULL_RANGE, 50);
        assertThat(expected).hasSize(PixelFormat.values().length);
        expected.forEach((p, code) -> {
            assertThat(p.code()).as(p.name()).isEqualTo(code);
            assertThat(PixelFormat.fromCode(code)).isEqualTo(p);
        });
        assertThat(PixelFormat.NV12.numBytes(4, 4)).isEqualTo(24);
        assertThat(PixelFormat.YUY2.numBytes(4, 4)).isEqualTo(32);
        assertThat(PixelFormat.Y_U_V24_FULL_RANGE.numBytes(4, 4)).isEqualTo(48);
        assertThat(PixelFormat.Y8_LIMITED_RANGE.numBytes(4, 4)).isEqualTo(16);
        assertThat(Optional.of(PixelFormat.NV12)).contains(PixelFormat.tryFromCode(26).orElseThrow());
    }
}
