package dev.dsls.language;

/** One kind of hover; the first participant with something to say at the cursor answers. */
interface HoverParticipant {
    /** Markdown or plain text (as the context says) for the cursor, or null. */
    String hover(HoverContext context);
}
