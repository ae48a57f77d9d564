package dev.dsls.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The dsls command line: {@code check}, {@code preview}, {@code diff} and {@code lsp}. */
@Command(name = "dsls", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "The DaemonSet language server: diagnostics and placement previews for Kubernetes"
                + " DaemonSet manifests.",
        subcommands = {CheckCommand.class, PreviewCommand.class, FleetCommand.class, DiffCommand.class, LspCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors found", "1:errors found", "2:usage or I/O problem"})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int ERRORS_FOUND = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) throws InterruptedException {
        // Editors start "dsls lsp" on every launch: skip building the picocli model (a fifth of the
        // start-up) for that exact command line; every other command line goes through picocli.
        if (args.length >= 1 && args[0].equals("lsp") && (args.length == 1 || args.length == 2 && args[1].equals("--stdio"))) {
            System.exit(dev.dsls.lsp.LspLauncher.runOnStdio());
        }
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code, without exiting. */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExitCodeExceptionMapper(error -> USAGE);
        commandLine.setParameterExceptionHandler((error, arguments) -> {
            error.getCommandLine().getErr().println("dsls: " + error.getMessage());
            error.getCommandLine().getErr().println("Run 'dsls " + (error.getCommandLine() == commandLine ? ""
                    : error.getCommandLine().getCommandName() + " ") + "--help' for usage.");
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((error, cmd, parseResult) -> {
            cmd.getErr().println("dsls: " + error.getMessage());
            return USAGE;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: check, preview, diff or lsp");
    }
}
