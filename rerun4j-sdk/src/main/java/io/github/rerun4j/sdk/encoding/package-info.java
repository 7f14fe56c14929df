/**
 * Pure-Java codecs for compressed depth: {@link io.github.rerun4j.sdk.encoding.Rvl} (RVL in the ROS 2
 * {@code compressedDepth} framing, media type {@code application/rvl}) and
 * {@link io.github.rerun4j.sdk.encoding.GreyPng} (greyscale PNG, 16-bit for depth). Only {@code java.util.zip}:
 * no {@code java.desktop}, so they work on Android. Corrupt or truncated input is an
 * {@link io.github.rerun4j.sdk.InvalidArgumentException} naming what is wrong, never a raw runtime exception.
 */
@NullMarked
package io.github.rerun4j.sdk.encoding;

import org.jspecify.annotations.NullMarked;
