package io.github.rerun4j.viewer;

import java.net.BindException;

/** The viewer could not start serving (port taken, address not bindable). */
public final class ViewerStartException extends RuntimeException {

    public ViewerStartException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True if another program already listens on the port (so a different port would help). */
    public boolean portInUse() {
        for (Throwable t = getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BindException && t.getMessage() != null && t.getMessage().toLowerCase().contains("in use")) {
                return true;
            }
        }
        return false;
    }
}
