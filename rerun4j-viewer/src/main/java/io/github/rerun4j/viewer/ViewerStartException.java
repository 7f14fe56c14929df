package io.github.rerun4j.viewer;

/** The viewer could not start serving (port taken, address not bindable). */
public final class ViewerStartException extends RuntimeException {

    public ViewerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
