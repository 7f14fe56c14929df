/**
 * TUM RGB-D sequence folders: {@link io.github.rerun4j.io.tum.TumSequence} (lists, association, ground truth)
 * and {@link io.github.rerun4j.io.tum.TumCamera} (the published intrinsics).
 */
@NullMarked
package io.github.rerun4j.io.tum;

import org.jspecify.annotations.NullMarked;
