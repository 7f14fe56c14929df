package io.github.rerun4j.sdk.rrd;

import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** A file written by Rerun 0.33's own encoder: LZ4 ArrowMsg, End message and footer trailer. */
class RrdReferenceFileTest {

    private static Path referenceFile() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(RrdReferenceFileTest.class.getResource("/rrd/ref_points_viewer_saved.rrd")).toURI());
    }

    @Test
    void readsEveryMessageOfAFileRerunWrote() throws Exception {
        List<RrdRecord> records = RrdReader.readAll(referenceFile());

        assertThat(records).extracting(r -> r.message().kind()).containsExactly(1L, 2L, 0L);

        RrdMessage.SetStoreInfo setStoreInfo = (RrdMessage.SetStoreInfo) records.get(0).message();
        assertThat(setStoreInfo.info().storeId().applicationId()).isNotEmpty();
        assertThat(setStoreInfo.info().storeId().recordingId()).isNotEmpty();
        assertThat(records.get(0).offset()).isEqualTo(12);

        RrdRecord arrow = records.get(1);
        assertThat(arrow.payloadCompression()).isEqualTo(Compression.LZ4);
        RrdMessage.ArrowMsg arrowMsg = (RrdMessage.ArrowMsg) arrow.message();
        // Decompressed: larger than the framed (compressed) message, and a valid IPC stream starts with FF FF FF FF.
        assertThat((long) arrowMsg.ipc().remaining()).isGreaterThan(arrow.framedLength());
        assertThat(arrowMsg.ipc().getInt(0)).isEqualTo(-1);
        assertThat(arrowMsg.storeId()).isEqualTo(setStoreInfo.info().storeId());

        RrdRecord end = records.get(2);
        assertThat(end.offset() + end.framedLength() + RrdReader.FOOTER_TRAILER_BYTES).isEqualTo(Files.size(referenceFile()));
    }

    @Test
    void streamsTheSameMessagesAsTheChannel() throws Exception {
        List<RrdRecord> viaStream = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(referenceFile()));
             RrdReader reader = RrdReader.of(in)) {
            for (RrdRecord r = reader.next(); r != null; r = reader.next()) {
                viaStream.add(r);
            }
            assertThat(reader.streamHeader()).isEqualTo(new StreamHeader(RerunVersion.V0_33_0, true));
        }
        assertThat(viaStream).isEqualTo(RrdReader.readAll(referenceFile()));
    }

    @Test
    void reEncodingTheMessagesReadsBackTheSame() throws Exception {
        List<RrdRecord> original = RrdReader.readAll(referenceFile());
        RrdTestBytes copy = RrdTestBytes.stream(true);
        for (RrdRecord r : original) {
            if (!(r.message() instanceof RrdMessage.End)) {
                copy.message(r.message(), true);
            }
        }
        RrdTestBytes.Outcome reread = RrdTestBytes.readChannel(copy.bytes());
        assertThat(reread.error()).isNull();
        assertThat(reread.messages()).isEqualTo(original.subList(0, 2).stream().map(RrdRecord::message).toList());
    }
}
