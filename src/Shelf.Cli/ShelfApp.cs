using System.CommandLine;
using Shelf.Cli.Commands;
using Shelf.Cli.Infrastructure;

namespace Shelf.Cli;

/// <summary>The <c>shelf</c> command tree and its one place for parse errors and unexpected failures.</summary>
internal static class ShelfApp
{
    public static RootCommand BuildRoot(CliConsole console)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand("Shelf: your book collection in a real database (SQLite or PostgreSQL).");
        globals.AddTo(root);
        root.Subcommands.Add(new BookAddCommand(console, globals));
        root.Subcommands.Add(new BookListCommand(console, globals));
        root.Subcommands.Add(new BookShowCommand(console, globals));
        root.Subcommands.Add(new BookSearchCommand(console, globals));
        root.Subcommands.Add(new BookEditCommand(console, globals));
        root.Subcommands.Add(new BookRemoveCommand(console, globals));
        root.Subcommands.Add(new DuplicateListCommand(console, globals));
        root.Subcommands.Add(new BookMergeCommand(console, globals));
        root.Subcommands.Add(new MergeListCommand(console, globals));
        root.Subcommands.Add(new AuthorListCommand(console, globals));
        root.Subcommands.Add(new AuthorCommand(console, globals));
        root.Subcommands.Add(new ShelfListCommand(console, globals));
        root.Subcommands.Add(new CatalogImportCommand(console, globals));
        root.Subcommands.Add(new LendCommand(console, globals));
        root.Subcommands.Add(new ReturnCommand(console, globals));
        root.Subcommands.Add(new LoanListCommand(console, globals));
        root.Subcommands.Add(new SaleCommand(console, globals));
        root.Subcommands.Add(new CatalogExportCommand(console, globals));
        root.Subcommands.Add(new LibraryStatsCommand(console, globals));
        root.Subcommands.Add(new DbCommand(console, globals));
        root.Subcommands.Add(new ServeCommand(console, globals));
        root.Subcommands.Add(new UserCommand(console, globals));
        root.Subcommands.Add(new TokenCommand(console, globals));
        root.Subcommands.Add(new HelpCommand((args, cancellationToken) => RunAsync(args, console, cancellationToken)));
        root.Subcommands.Add(new CompletionCommand(console));
        return root;
    }

    /// <summary>Runs one command line; returns the exit code. Never throws for user errors.</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        var root = BuildRoot(console);
        var parse = root.Parse(args.Length == 0 ? ["--help"] : args);
        if (parse.Errors.Count > 0)
        {
            console.Error.WriteLine(ParseErrorMessage.For(parse, args));
            return ExitCodes.BadInput;
        }

        try
        {
            if (parse.Action is System.CommandLine.Help.HelpAction)
            {
                // System.CommandLine's help has no examples section; they follow it, as in gh.
                var shown = await parse.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error }, cancellationToken);
                CommandExamples.Write(console.Out, CommandExamples.PathOf(parse));
                return shown;
            }

            return await parse.InvokeAsync(
                new InvocationConfiguration
                {
                    Output = console.Out,
                    Error = console.Error,
                    EnableDefaultExceptionHandler = false,

                    // Program owns Ctrl+C, so a cancelled import can roll back and say so.
                    ProcessTerminationTimeout = null,
                },
                cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.Error.WriteLine("cancelled; nothing was changed");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            if (args.Contains("--verbose"))
            {
                console.Error.WriteLine(e);
            }
            else
            {
                console.Error.WriteLine($"error: unexpected {e.GetType().Name}: {CliContext.OneLine(e.Message)}; run again with --verbose for details and report it");
            }

            return ExitCodes.Failure;
        }
    }
}
