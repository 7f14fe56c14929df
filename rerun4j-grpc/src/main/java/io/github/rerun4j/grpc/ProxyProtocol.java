package io.github.rerun4j.grpc;

import io.grpc.MethodDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Rerun's {@code rerun.sdk_comms.v1alpha1.MessageProxyService} (0.33 to 0.36) as grpc-java method descriptors
 * over plain bytes: no generated code. The two methods rerun4j speaks carry one-field wrappers around a
 * {@code LogMsg}: {@code WriteMessagesRequest { LogMsg log_msg = 1; }} in, {@code ReadMessagesResponse
 * { LogMsg log_msg = 1; }} out, so one message's bytes are the same in both directions ({@link LogMsgCodec}).
 * {@code WriteTable}, {@code ReadTables} and {@code SaveScreenshot} are not served (the viewer never calls them
 * on a proxy it reads).
 */
public final class ProxyProtocol {

    /** The gRPC service name: HTTP paths are {@code /SERVICE/WriteMessages} and {@code /SERVICE/ReadMessages}. */
    public static final String SERVICE = "rerun.sdk_comms.v1alpha1.MessageProxyService";

    /** Client-streaming: {@code stream WriteMessagesRequest} in, one empty {@code WriteMessagesResponse} out. */
    public static final MethodDescriptor<byte[], byte[]> WRITE_MESSAGES = method("WriteMessages",
            MethodDescriptor.MethodType.CLIENT_STREAMING);

    /** Server-streaming: an empty {@code ReadMessagesRequest} in, {@code stream ReadMessagesResponse} out. */
    public static final MethodDescriptor<byte[], byte[]> READ_MESSAGES = method("ReadMessages",
            MethodDescriptor.MethodType.SERVER_STREAMING);

    /** Rerun's default proxy port ({@code DEFAULT_PROXY_PORT}). */
    public static final int DEFAULT_PORT = 9876;

    private ProxyProtocol() {
    }

    private static MethodDescriptor<byte[], byte[]> method(String name, MethodDescriptor.MethodType type) {
        return MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(type)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, name))
                .setRequestMarshaller(BytesMarshaller.INSTANCE)
                .setResponseMarshaller(BytesMarshaller.INSTANCE)
                .build();
    }

    /** Protobuf bytes as they are; the length is known, so gRPC frames them without copying twice. */
    private enum BytesMarshaller implements MethodDescriptor.Marshaller<byte[]> {
        INSTANCE;

        /** The array as one segment: grpc-java drains it into its buffers in one write. */
        @Override
        public InputStream stream(byte[] value) {
            return ProxyMessage.wrap(ByteBuffer.wrap(value)).stream();
        }

        /**
         * The message's bytes. gRPC's and Armeria's message streams know how much they hold ({@code available()}):
         * reading into one array of that size is one copy, where {@code readAllBytes} gathers 8 KB pieces and joins
         * them (a quarter of the proxy's time for 600 KB frames).
         */
        @Override
        public byte[] parse(InputStream stream) {
            try {
                int size = stream.available();
                if (size <= 0) {
                    return stream.readAllBytes();
                }
                byte[] bytes = new byte[size];
                int read = stream.readNBytes(bytes, 0, size);
                byte[] rest = stream.readAllBytes();
                if (read == size && rest.length == 0) {
                    return bytes;
                }
                byte[] all = java.util.Arrays.copyOf(bytes, read + rest.length);
                System.arraycopy(rest, 0, all, read, rest.length);
                return all;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
