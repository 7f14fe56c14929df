package io.github.rerun4j.sdk.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** Messages built around a caught exception never say "null" or repeat the path, and always name the class. */
class ErrorTextTest {

    @Test
    void exceptionsWithoutMessageAreNamedByTheirClass() {
        assertThat(ErrorText.describe(new ClosedByInterruptException())).isEqualTo("java.nio.channels.ClosedByInterruptException");
        assertThat(ErrorText.describe(new BufferUnderflowException())).isEqualTo("java.nio.BufferUnderflowException");
        assertThat(ErrorText.describe(new IOException("No space left on device")))
                .isEqualTo("java.io.IOException: No space left on device");
    }

    @Test
    void fileSystemExceptionsGiveTheirReasonNotThePathAgain() {
        assertThat(ErrorText.describe(new NoSuchFileException("/x/y.rrd")))
                .isEqualTo("no such file or directory (java.nio.file.NoSuchFileException)");
        assertThat(ErrorText.describe(new AccessDeniedException("/x/y.rrd")))
                .isEqualTo("permission denied (java.nio.file.AccessDeniedException)");
        assertThat(ErrorText.describe(new FileSystemException("/x", null, "Is a directory")))
                .isEqualTo("Is a directory (java.nio.file.FileSystemException)");
    }
}
