package dev.dsls.lsp;

import dev.dsls.language.CodeActionService;
import dev.dsls.language.CompletionService;
import dev.dsls.language.HoverService;
import dev.dsls.language.LspRanges;
import dev.dsls.language.StructureService;
import dev.dsls.yaml.YamlFile;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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

/** Text-document requests: each reads the open document and calls a plain language service. */
final class DslsTextDocumentService implements TextDocumentService {
    private final ServerSession session;
    private final CompletionService completion = new CompletionService();
    private final HoverService hover = new HoverService();
    private final StructureService structure = new StructureService();
    private final CodeActionService codeActions = new CodeActionService();

    DslsTextDocumentService(ServerSession session) {
        this.session = session;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var item = params.getTextDocument();
        session.open(item.getUri(), item.getText() == null ? "" : item.getText(), item.getVersion());
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        OpenDocument document = session.findDocument(params.getTextDocument().getUri());
        if (document == null) {
            session.log(org.eclipse.lsp4j.MessageType.Warning, "didChange for a document that is not open: "
                    + params.getTextDocument().getUri());
            return;
        }
        Integer version = params.getTextDocument().getVersion();
        document.apply(params.getContentChanges(), version == null ? document.version() + 1 : version);
        session.changed(document);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        session.close(params.getTextDocument().getUri());
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        session.reloadInventory();
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        return compute(params.getTextDocument().getUri(), (document, cancel) -> {
            List<CompletionItem> items = completion.complete(document.text(), LspRanges.fromLsp(params.getPosition()),
                    session.nodeFacts(), session.features());
            return Either.forRight(new CompletionList(false, items));
        });
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        String uri = params.getTextDocument().getUri();
        return compute(uri, (document, cancel) -> hover.hover(document.text(),
                LspRanges.fromLsp(params.getPosition()), session.nodeFacts(),
                Placements.hover(uri, document.parsed(), session.inventoryState().inventory()), session.features()));
    }

    @Override
    public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
        String uri = params.getTextDocument().getUri();
        return compute(uri, (document, cancel) -> Placements.codeLenses(uri, parse(document),
                session.inventoryState().inventory()));
    }

    @Override
    public CompletableFuture<CodeLens> resolveCodeLens(CodeLens unresolved) {
        return CompletableFuture.completedFuture(unresolved);
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        String uri = params.getTextDocument().getUri();
        return compute(uri, (document, cancel) -> {
            YamlFile file = parse(document);
            DiagnosticsPublisher.Published last = session.lastDiagnostics(uri);
            var diagnostics = last != null && last.version() == document.version() ? last.diagnostics()
                    : session.analyze(uri, file);
            return codeActions.actions(uri, file, diagnostics, LspRanges.fromLsp(params.getRange())).stream()
                    .map(Either::<Command, CodeAction>forRight).toList();
        });
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        return compute(params.getTextDocument().getUri(), (document, cancel) -> structure.symbols(parse(document))
                .stream().map(Either::<SymbolInformation, DocumentSymbol>forRight).toList());
    }

    @Override
    public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
        return compute(params.getTextDocument().getUri(), (document, cancel) -> structure.foldingRanges(parse(document)));
    }

    private static YamlFile parse(OpenDocument document) {
        return document.parsed();
    }

    /**
     * Runs a request off the message thread, cancellable through {@code $/cancelRequest}: the
     * result of a cancelled request is never sent.
     */
    private <T> CompletableFuture<T> compute(String uri, RequestWork<T> work) {
        session.requireRunning();
        OpenDocument document = session.document(uri);
        return CompletableFutures.computeAsync(cancel -> {
            cancel.checkCanceled();
            T result = work.apply(document, cancel);
            cancel.checkCanceled();
            return result;
        });
    }

    @FunctionalInterface
    private interface RequestWork<T> {
        T apply(OpenDocument document, CancelChecker cancel);
    }

}
