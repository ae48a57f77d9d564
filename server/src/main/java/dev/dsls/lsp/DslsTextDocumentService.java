package dev.dsls.lsp;

import dev.dsls.analysis.ManifestFile;
import dev.dsls.language.DaemonSetLanguageService;
import dev.dsls.language.FeatureRequest;
import dev.dsls.language.LspRanges;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/** Text-document notifications and requests: each finds the open document and calls the language service. */
final class DslsTextDocumentService implements TextDocumentService {
    private final ServerSession session;
    private final OpenDocuments documents;
    private final InventoryWatcher inventory;

    DslsTextDocumentService(ServerSession session, OpenDocuments documents, InventoryWatcher inventory) {
        this.session = session;
        this.documents = documents;
        this.inventory = inventory;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var item = params.getTextDocument();
        documents.open(item.getUri(), item.getText() == null ? "" : item.getText(), item.getVersion());
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        documents.change(params.getTextDocument().getUri(), params.getTextDocument().getVersion(),
                params.getContentChanges());
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        documents.close(params.getTextDocument().getUri());
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        inventory.reloadSoon();
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        // Never waits for the inventory: it answers from what is loaded (the node facts come with the load).
        return compute(params.getTextDocument().getUri(), (file, cancel) -> Either.forRight(new CompletionList(false,
                service().completion(request(file, params.getPosition(), cancel)))));
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return compute(params.getTextDocument().getUri(), (file, cancel) ->
                service().hover(request(file, params.getPosition(), cancel)));
    }

    @Override
    public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
        // While the inventory loads the lens says so; the server asks for lenses again once it is in.
        return compute(params.getTextDocument().getUri(), (file, cancel) -> service().codeLenses(file));
    }

    @Override
    public CompletableFuture<CodeLens> resolveCodeLens(CodeLens unresolved) {
        return CompletableFuture.completedFuture(unresolved);
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        return compute(params.getTextDocument().getUri(), (file, cancel) -> service()
                .codeActions(file, documents.diagnostics(file), LspRanges.fromLsp(params.getRange())).stream()
                .map(Either::<Command, CodeAction>forRight).toList());
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        return compute(params.getTextDocument().getUri(), (file, cancel) -> service().symbols(file).stream()
                .map(Either::<SymbolInformation, DocumentSymbol>forRight).toList());
    }

    @Override
    public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
        return compute(params.getTextDocument().getUri(), (file, cancel) -> service().foldingRanges(file));
    }

    private DaemonSetLanguageService service() {
        return session.service();
    }

    private FeatureRequest request(ManifestFile file, org.eclipse.lsp4j.Position position, CancelChecker cancel) {
        return new FeatureRequest(file, LspRanges.fromLsp(position), session.support().features(), cancel::checkCanceled);
    }

    /**
     * Runs a request off the message thread on the document version current when it arrived, cancellable
     * through {@code $/cancelRequest}: the result of a cancelled request is never sent.
     */
    private <T> CompletableFuture<T> compute(String uri, BiFunction<ManifestFile, CancelChecker, T> work) {
        session.requireRunning();
        ManifestFile file = documents.require(uri);
        return CompletableFutures.computeAsync(cancel -> {
            cancel.checkCanceled();
            T result = work.apply(file, cancel);
            cancel.checkCanceled();
            return result;
        });
    }
}
