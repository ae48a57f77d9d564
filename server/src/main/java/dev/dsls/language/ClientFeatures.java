package dev.dsls.language;

/** What the editor can render, negotiated at initialize (Neovim 0.7 has no snippets, for example). */
public record ClientFeatures(boolean snippets, boolean markdown) {
    public static final ClientFeatures PLAIN = new ClientFeatures(false, false);
    public static final ClientFeatures RICH = new ClientFeatures(true, true);
}
