package io.github.rerun4j.sdk.types;

import io.github.rerun4j.sdk.InvalidArgumentException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityPathTest {

    @Test
    void parsesForgivingly() {
        EntityPath canonical = EntityPath.of("world", "camera");
        for (String s : new String[] {"world/camera", "/world/camera", "world//camera", "/world/camera/", "//world///camera"}) {
            assertThat(EntityPath.parse(s)).as(s).isEqualTo(canonical);
        }
        assertThat(canonical).hasToString("/world/camera");
        assertThat(EntityPath.parse("/")).isEqualTo(EntityPath.ROOT);
        assertThat(EntityPath.parse("")).isEqualTo(EntityPath.ROOT);
        assertThat(EntityPath.ROOT).hasToString("/");
    }

    @Test
    void escapesAndUnescapes() {
        EntityPath p = EntityPath.of("my cam", "a/b", "x.y_z-1", "tab\there", "é", "😀");
        assertThat(p.toString()).isEqualTo("/my\\ cam/a\\/b/x.y_z-1/tab\\there/é/\\u{1F600}");
        assertThat(EntityPath.parse(p.toString())).isEqualTo(p);
        assertThat(EntityPath.of("a!b\\c").toString()).isEqualTo("/a\\!b\\\\c");
        assertThat(EntityPath.parse("a\\u{00E9}").parts()).containsExactly("aé");
        assertThat(EntityPath.parse("a\\qb").parts()).containsExactly("aqb"); // unknown escape keeps the char
        assertThat(EntityPath.of("\u0001").toString()).isEqualTo("/\\u{0001}");
    }

    @Test
    void hierarchy() {
        EntityPath depth = EntityPath.parse("world/camera/depth");
        EntityPath world = EntityPath.parse("world");
        assertThat(depth.parent()).contains(EntityPath.parse("world/camera"));
        assertThat(world.parent()).contains(EntityPath.ROOT);
        assertThat(EntityPath.ROOT.parent()).isEmpty();
        assertThat(depth.isDescendantOf(world)).isTrue();
        assertThat(depth.isDescendantOf(EntityPath.ROOT)).isTrue();
        assertThat(depth.isDescendantOf(depth)).isFalse();
        assertThat(depth.startsWith(depth)).isTrue();
        assertThat(EntityPath.parse("worldwide/x").isDescendantOf(world)).isFalse();
        assertThat(world.child("camera").child("depth")).isEqualTo(depth);
        assertThat(depth.last()).contains("depth");
        assertThat(depth.parts()).isEqualTo(List.of("world", "camera", "depth"));
    }

    @Test
    void rejectsEmptyAndNullParts() {
        assertThatThrownBy(() -> EntityPath.of("world", ""))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("EntityPath.parts[1]: got \"\", expected a non-empty part");
        assertThatThrownBy(() -> EntityPath.of("world", null))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("got null");
        assertThatThrownBy(() -> EntityPath.parse(null)).isInstanceOf(InvalidArgumentException.class);
    }
}
