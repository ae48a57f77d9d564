package dev.dsls.lsp;

import dev.dsls.language.ClientFeatures;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.MarkupKind;

/**
 * What the client said it can do at initialize: render snippets and markdown, serve
 * {@code workspace/configuration}, watch files for the server, refresh code lenses on request.
 */
record ClientSupport(ClientFeatures features, boolean pullsConfiguration, boolean watchesFiles,
                     boolean refreshesCodeLenses) {
    static final ClientSupport NONE = new ClientSupport(ClientFeatures.PLAIN, false, false, false);

    static ClientSupport of(ClientCapabilities capabilities) {
        var textDocument = capabilities.getTextDocument();
        boolean snippets = textDocument != null && textDocument.getCompletion() != null
                && textDocument.getCompletion().getCompletionItem() != null
                && Boolean.TRUE.equals(textDocument.getCompletion().getCompletionItem().getSnippetSupport());
        boolean markdown = textDocument != null && textDocument.getHover() != null
                && textDocument.getHover().getContentFormat() != null
                && textDocument.getHover().getContentFormat().contains(MarkupKind.MARKDOWN);
        var workspace = capabilities.getWorkspace();
        return new ClientSupport(new ClientFeatures(snippets, markdown),
                workspace != null && Boolean.TRUE.equals(workspace.getConfiguration()),
                workspace != null && workspace.getDidChangeWatchedFiles() != null
                        && Boolean.TRUE.equals(workspace.getDidChangeWatchedFiles().getDynamicRegistration()),
                workspace != null && workspace.getCodeLens() != null
                        && Boolean.TRUE.equals(workspace.getCodeLens().getRefreshSupport()));
    }
}
