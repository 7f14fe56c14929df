package io.github.rerun4j.viewer.api;

/**
 * A request the API cannot answer: 400 for a malformed parameter, 404 for something that does not exist,
 * 422 for data that exists but is damaged, 503 for data that was never loaded (the recording stopped loading).
 * The message names the parameter, the value and what was expected; it is sent to the page as JSON.
 */
public final class BadRequest extends RuntimeException {

    private final int status;

    private BadRequest(int status, String message) {
        super(message);
        this.status = status;
    }

    public static BadRequest invalid(String parameter, String value, String expected) {
        return new BadRequest(400, "invalid " + parameter + " '" + value + "': expected " + expected);
    }

    public static BadRequest missing(String parameter) {
        return new BadRequest(400, "missing parameter " + parameter);
    }

    public static BadRequest notFound(String what) {
        return new BadRequest(404, what);
    }

    /** The data asked for exists but cannot be served whole (a damaged image): 422. */
    public static BadRequest damaged(String what) {
        return new BadRequest(422, what);
    }

    /**
     * The answer would need data the viewer did not load (its recording stopped loading: memory): 503, since
     * answering with the data it has would show the wrong frame.
     */
    public static BadRequest notLoaded(String what) {
        return new BadRequest(503, what);
    }

    /** The recording's file was truncated or replaced in place since it was read: 410, open it again. */
    public static BadRequest sourceChanged(String what) {
        return new BadRequest(410, what + "; open the file again");
    }

    /** The request cannot get the kind of answer the route gives (an event stream without asking for one): 406. */
    public static BadRequest notAcceptable(String what) {
        return new BadRequest(406, what);
    }

    public int status() {
        return status;
    }
}
