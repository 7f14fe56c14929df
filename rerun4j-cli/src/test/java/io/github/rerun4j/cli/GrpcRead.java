package io.github.rerun4j.cli;

import io.github.rerun4j.grpc.LogMsgCodec;
import io.github.rerun4j.grpc.ProxyProtocol;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.LogMessageCodec;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Reads a gRPC proxy the way Rerun's native viewer does ({@code ReadMessages} over h2c), for the CLI's tests. */
final class GrpcRead {

    private GrpcRead() {
    }

    /** The entity paths of the chunks among the first {@code count} messages of the proxy on 127.0.0.1:{@code port}. */
    static List<String> entities(int port, int count) throws Exception {
        List<String> entities = new ArrayList<>();
        for (LogMessage m : messages(port, count)) {
            if (m instanceof LogMessage.ChunkMessage c) {
                entities.add(c.chunk().entityPath());
            }
        }
        return entities;
    }

    /** The first {@code count} messages of the proxy on 127.0.0.1:{@code port}, decoded (End messages left out). */
    static List<LogMessage> messages(int port, int count) throws Exception {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext()
                .maxInboundMessageSize(Integer.MAX_VALUE).build();
        try {
            LinkedBlockingQueue<byte[]> messages = new LinkedBlockingQueue<>();
            ClientCall<byte[], byte[]> call = channel.newCall(ProxyProtocol.READ_MESSAGES, CallOptions.DEFAULT);
            call.start(new ClientCall.Listener<>() {
                @Override
                public void onMessage(byte[] message) {
                    messages.add(message);
                    call.request(1);
                }

                @Override
                public void onClose(Status status, Metadata trailers) {
                }
            }, new Metadata());
            call.sendMessage(new byte[0]);
            call.halfClose();
            call.request(1);
            List<LogMessage> decodedMessages = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                byte[] m = messages.poll(20, TimeUnit.SECONDS);
                if (m == null) {
                    throw new AssertionError("got " + i + " of " + count + " messages from port " + port);
                }
                LogMessage decoded = LogMessageCodec.decode(LogMsgCodec.decode(m));
                if (decoded != null) {
                    decodedMessages.add(decoded);
                }
            }
            call.cancel("done", null);
            return decodedMessages;
        } finally {
            channel.shutdownNow();
        }
    }
}
