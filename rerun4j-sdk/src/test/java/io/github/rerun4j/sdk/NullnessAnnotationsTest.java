package io.github.rerun4j.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.ComponentDescriptor;
import io.github.rerun4j.sdk.chunk.Timeline;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.LogMessageReader;
import io.github.rerun4j.sdk.rrd.RrdMessage;
import io.github.rerun4j.sdk.rrd.RrdReader;
import io.github.rerun4j.sdk.rrd.RrdRecord;
import io.github.rerun4j.sdk.rrd.StoreId;
import io.github.rerun4j.sdk.rrd.StoreSource;
import io.github.rerun4j.sdk.rrd.StreamHeader;
import io.github.rerun4j.sdk.sink.MemorySink;
import io.github.rerun4j.sdk.types.EntityPath;
import io.github.rerun4j.sdk.types.Mat3x3;
import io.github.rerun4j.sdk.types.RotationAxisAngle;
import io.github.rerun4j.sdk.types.Vec3D;
import java.io.ByteArrayInputStream;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The JSpecify annotations say the truth: the API packages are {@code @NullMarked} (internal ones are not), and a
 * record component of the API is {@code @Nullable} exactly when its canonical constructor accepts null there.
 * Kotlin reads these annotations as its own nullability, so a wrong one is a compile error or a crash in a user's
 * code. (The methods' nullness was checked with NullAway over the marked packages; see docs/architecture.md.)
 */
class NullnessAnnotationsTest {

    static final List<String> API_PACKAGES = List.of("io.github.rerun4j.sdk", "io.github.rerun4j.sdk.archetypes",
            "io.github.rerun4j.sdk.types", "io.github.rerun4j.sdk.sink", "io.github.rerun4j.sdk.rrd",
            "io.github.rerun4j.sdk.chunk", "io.github.rerun4j.sdk.encoding", "io.github.rerun4j.sdk.batch");
    static final List<String> INTERNAL_PACKAGES = List.of("io.github.rerun4j.sdk.internal.arrow",
            "io.github.rerun4j.sdk.internal.batch", "io.github.rerun4j.sdk.internal.codec");

    @Test
    void apiPackagesAreNullMarkedAndInternalOnesAreNot() throws ClassNotFoundException {
        for (String name : API_PACKAGES) {
            assertThat(Class.forName(name + ".package-info").isAnnotationPresent(NullMarked.class))
                    .as("%s is @NullMarked", name).isTrue();
        }
        for (String name : INTERNAL_PACKAGES) {
            Package p = getClass().getClassLoader().getDefinedPackage(name);
            assertThat(p == null || !p.isAnnotationPresent(NullMarked.class))
                    .as("%s (internal) makes no nullness promise", name).isTrue();
        }
    }

    @Test
    void recordComponentsAreNullableExactlyWhenTheConstructorAcceptsNull() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Record sample : samples().values()) {
            Class<?> type = sample.getClass();
            RecordComponent[] components = type.getRecordComponents();
            Constructor<?> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                if (c.getType().isPrimitive()) {
                    continue;
                }
                boolean accepts = acceptsNull(sample, components, canonical, i);
                String name = type.getSimpleName() + "." + c.getName();
                if (accepts != nullable(c.getAccessor().getAnnotatedReturnType())) {
                    wrong.add(name + " accessor: constructor " + (accepts ? "accepts" : "rejects") + " null, but "
                            + (accepts ? "not @Nullable" : "@Nullable"));
                }
                if (accepts != nullable(canonical.getAnnotatedParameterTypes()[i])) {
                    wrong.add(name + " constructor parameter: " + (accepts ? "accepts null, not @Nullable"
                            : "rejects null, yet @Nullable"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyPublicApiRecordWithReferenceComponentsHasASample() throws Exception {
        Set<Class<?>> sampled = samples().keySet();
        List<String> missing = new ArrayList<>();
        Path classes = Path.of(RecordingStream.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(f).toString().replace(".class", "").replace('/', '.');
                Class<?> type = Class.forName(name);
                if (API_PACKAGES.contains(type.getPackageName()) && type.isRecord() && isPublicApi(type)
                        && Arrays.stream(type.getRecordComponents()).anyMatch(c -> !c.getType().isPrimitive())
                        && !sampled.contains(type)) {
                    missing.add(type.getName());
                }
            }
        }
        assertThat(missing).as("public records without a sample in NullnessAnnotationsTest.samples()").isEmpty();
    }

    /** One valid instance of every public API record with reference components, non-null where allowed. */
    static Map<Class<?>, Record> samples() throws Exception {
        MemorySink sink = new MemorySink();
        try (RecordingStream rec = RecordingStream.builder("nullness").sink(sink)) {
            rec.setTimeSequence("frame", 1);
            rec.log("world/camera/depth", SdkFixtures.fullDepthImage());
        }
        byte[] rrd = sink.toRrdBytes();
        RrdReader reader = RrdReader.of(new ByteArrayInputStream(rrd));
        RrdRecord storeInfoRecord = reader.next();
        RrdRecord arrowRecord = reader.next();
        LogMessage.StoreInfoMessage storeInfo = (LogMessage.StoreInfoMessage) sink.messages().get(0);
        LogMessage.ChunkMessage chunkMessage = (LogMessage.ChunkMessage) sink.messages().get(1);
        Chunk chunk = chunkMessage.chunk();
        StoreId blueprint = new StoreId(io.github.rerun4j.sdk.rrd.StoreKind.BLUEPRINT, "bp", "nullness");

        Map<Class<?>, Record> samples = new LinkedHashMap<>();
        for (Record r : List.<Record>of(
                SdkFixtures.fullDepthImage(), SdkFixtures.fullPinhole(), SdkFixtures.fullTransform(),
                ViewCoordinates.RDF, SdkFixtures.fullDepthImage().format(), Mat3x3.IDENTITY,
                io.github.rerun4j.sdk.batch.BatcherConfig.DEFAULT,
                RotationAxisAngle.ofDegrees(Vec3D.of(0, 0, 1), 90), EntityPath.parse("world/camera"),
                storeInfo, chunkMessage, storeInfo.info(), storeInfo.info().storeId(),
                new io.github.rerun4j.sdk.rrd.RrdManifest(blueprint, List.of(), List.of()),
                new io.github.rerun4j.sdk.rrd.RrdManifest.Entry("/e", io.github.rerun4j.sdk.chunk.Tuid.next(), false, 1, 28, 10, 10,
                        Map.of("frame", new io.github.rerun4j.sdk.rrd.RrdManifest.TimeRange(1, 2))),
                StoreSource.other("nullness test"), new StreamHeader(io.github.rerun4j.sdk.rrd.RerunVersion.V0_33_0, false), storeInfoRecord, arrowRecord,
                (RrdMessage.SetStoreInfo) storeInfoRecord.message(), (RrdMessage.ArrowMsg) arrowRecord.message(),
                new RrdMessage.BlueprintActivation(blueprint, true, true),
                LogMessageReader.of(new ByteArrayInputStream(rrd)).next(),
                chunk, chunk.components().get(0), Timeline.sequence("frame"),
                ComponentDescriptor.of("DepthImage", "meter", "DepthMeter"),
                io.github.rerun4j.sdk.RgbdFixtures.fullImage(), io.github.rerun4j.sdk.RgbdFixtures.fullEncodedImage(),
                io.github.rerun4j.sdk.RgbdFixtures.fullEncodedDepthImage(),
                io.github.rerun4j.sdk.archetypes.DepthCloudColor.source("world/camera/rgb"),
                io.github.rerun4j.sdk.encoding.Rvl.decode(io.github.rerun4j.sdk.RgbdFixtures.rvlDepth().blob().toByteArray()),
                io.github.rerun4j.sdk.encoding.GreyPng.decode(io.github.rerun4j.sdk.RgbdFixtures.tinyPng()),
                new io.github.rerun4j.sdk.sink.TeeSink.Failure(sink, new java.io.IOException("down"), 1, 0))) {
            samples.put(r.getClass(), r);
        }
        return samples;
    }

    private static boolean acceptsNull(Record sample, RecordComponent[] components, Constructor<?> canonical, int slot)
            throws ReflectiveOperationException {
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = i == slot ? null : components[i].getAccessor().invoke(sample);
        }
        try {
            canonical.setAccessible(true);
            canonical.newInstance(args);
            return true;
        } catch (InvocationTargetException e) {
            return false; // InvalidArgumentException, NullPointerException from requireNonNull, ...
        }
    }

    private static boolean nullable(AnnotatedType type) {
        return type.isAnnotationPresent(Nullable.class);
    }

    private static boolean isPublicApi(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }
}
