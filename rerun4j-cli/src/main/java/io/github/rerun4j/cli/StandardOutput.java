package io.github.rerun4j.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/**
 * The process's standard output as a {@link PrintWriter} whose write errors are not swallowed: the first
 * failed write or flush throws {@link OutputFailure}. {@code System.out} (a {@link java.io.PrintStream})
 * only sets a flag on errors, so a full disk behind {@code > file} would end in exit 0 and a truncated file.
 */
final class StandardOutput {

    private StandardOutput() {
    }

    /** Standard output, line-flushed like {@code System.out}, in the charset {@code System.out} would use. */
    static PrintWriter open() {
        OutputStream fd = new FileOutputStream(FileDescriptor.out);
        OutputStream failFast = new FailFast(new BufferedOutputStream(fd, 1 << 13), "standard output");
        return new PrintWriter(new OutputStreamWriter(failFast, charset()), true);
    }

    /** The encoding Java picks for {@code System.out}: {@code stdout.encoding} (Java 19+), else Java 17's names. */
    static Charset charset() {
        for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
            String name = System.getProperty(property);
            if (name != null) {
                try {
                    return Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    // fall back as System.out does
                }
            }
        }
        return Charset.defaultCharset();
    }

    /** Passes bytes on; an {@link IOException} becomes an {@link OutputFailure}. */
    static final class FailFast extends FilterOutputStream {

        private final String target;

        FailFast(OutputStream out, String target) {
            super(out);
            this.target = target;
        }

        @Override
        public void write(int b) {
            try {
                out.write(b);
            } catch (IOException e) {
                throw new OutputFailure(target, e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw new OutputFailure(target, e);
            }
        }

        @Override
        public void flush() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new OutputFailure(target, e);
            }
        }
    }
}
