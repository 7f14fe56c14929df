package io.github.rerun4j.grpc;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One {@code WriteMessages} call made by hand (plain grpc-java, the request bytes as given: see {@link WireForm}),
 * for tests of the proxy's writer side that must not go through {@link GrpcConnectSink}.
 *
 * @param status    how the proxy ended the call
 * @param responses what it answered ({@code WriteMessagesResponse {}} once, empty, for a good call)
 */
record RawWrite(Status status, List<byte[]> responses) {

    /** Sends {@code requests} to the proxy on 127.0.0.1:{@code port}, half-closes, and waits for the end. */
    static RawWrite call(int port, List<byte[]> requests) throws Exception {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        try {
            CompletableFuture<Status> done = new CompletableFuture<>();
            List<byte[]> responses = Collections.synchronizedList(new ArrayList<>());
            ClientCall<byte[], byte[]> call = channel.newCall(ProxyProtocol.WRITE_MESSAGES, CallOptions.DEFAULT);
            call.start(new ClientCall.Listener<>() {
                @Override
                public void onMessage(byte[] message) {
                    responses.add(message);
                }

                @Override
                public void onClose(Status status, Metadata trailers) {
                    done.complete(status);
                }
            }, new Metadata());
            call.request(1);
            for (byte[] request : requests) {
                call.sendMessage(request);
            }
            call.halfClose();
            return new RawWrite(done.get(20, TimeUnit.SECONDS), List.copyOf(responses));
        } finally {
            channel.shutdownNow();
        }
    }
}
