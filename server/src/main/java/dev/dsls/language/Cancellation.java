package dev.dsls.language;

/** Lets a long feature computation stop when its request was cancelled (LSP's {@code $/cancelRequest}). */
@FunctionalInterface
public interface Cancellation {
    Cancellation NEVER = () -> { };

    /** Throws the caller's cancellation exception when the request is no longer wanted. */
    void check();
}
