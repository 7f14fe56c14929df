package io.github.rerun4j.sdk.rrd;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SDK's own protobuf reader ({@link ProtoReader}, which replaced protobuf-java in the SDK) next to
 * protobuf-java's {@code CodedInputStream} on the same bytes: an ArrowMsg header as rrd files carry it (store id
 * sub-message, compression, uncompressed size, encoding, a 64 KiB payload skipped, chunk id, is_static). Both walk
 * every field and sum what they read. In this package to reach the package-private reader.
 *
 * <pre>
 * mvn -q -B -DskipTests package -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar ProtoDecodeBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProtoDecodeBenchmark {

    private final byte[] message = arrowMsgHeader();

    private static byte[] arrowMsgHeader() {
        byte[] storeId = new ProtoWriter().varint(1, 1).bytes(2, "rec_0123456789abcdef".getBytes())
                .bytes(3, new ProtoWriter().bytes(1, "my_robot".getBytes()).toByteArray()).toByteArray();
        byte[] tuid = new ProtoWriter().fixed64(1, 1_764_000_000_000_000_000L).fixed64(2, 42).toByteArray();
        return new ProtoWriter().bytes(1, storeId).varint(2, 1).varint(3, 614_400).varint(4, 1)
                .bytes(5, new byte[64 * 1024]).bytes(6, tuid).varint(7, 0).toByteArray();
    }

    @Benchmark
    public long rerun4jProtoReader() throws IOException {
        ProtoReader in = new ProtoReader(message);
        long sum = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (ProtoReader.wireType(tag)) {
                case ProtoReader.WIRETYPE_VARINT -> sum += in.readUInt64();
                case ProtoReader.WIRETYPE_LENGTH_DELIMITED -> {
                    int length = in.readLength();
                    if (ProtoReader.fieldNumber(tag) == 5) {
                        in.skipRawBytes(length);
                        sum += length;
                    } else {
                        int old = in.pushLimit(length);
                        for (int t = in.readTag(); t != 0; t = in.readTag()) {
                            sum += ProtoReader.wireType(t) == ProtoReader.WIRETYPE_FIXED64 ? in.readFixed64()
                                    : ProtoReader.wireType(t) == ProtoReader.WIRETYPE_VARINT ? in.readUInt64()
                                    : in.readByteArray().length;
                        }
                        in.popLimit(old);
                    }
                }
                default -> in.skipField(tag);
            }
        }
        return sum;
    }

    @Benchmark
    public long protobufJavaCodedInputStream() throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(message);
        long sum = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagWireType(tag)) {
                case WireFormat.WIRETYPE_VARINT -> sum += in.readUInt64();
                case WireFormat.WIRETYPE_LENGTH_DELIMITED -> {
                    int length = in.readRawVarint32();
                    if (WireFormat.getTagFieldNumber(tag) == 5) {
                        in.skipRawBytes(length);
                        sum += length;
                    } else {
                        int old = in.pushLimit(length);
                        for (int t = in.readTag(); t != 0; t = in.readTag()) {
                            sum += WireFormat.getTagWireType(t) == WireFormat.WIRETYPE_FIXED64 ? in.readFixed64()
                                    : WireFormat.getTagWireType(t) == WireFormat.WIRETYPE_VARINT ? in.readUInt64()
                                    : in.readByteArray().length;
                        }
                        in.popLimit(old);
                    }
                }
                default -> in.skipField(tag);
            }
        }
        return sum;
    }
}
