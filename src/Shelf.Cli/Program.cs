using Shelf.Cli;
using Shelf.Cli.Infrastructure;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C: cancel and let the transaction roll back. A second one kills the process.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

try
{
    return await ShelfApp.RunAsync(args, CliConsole.System(), cancellation.Token);
}
finally
{
    TerminalKeypad.Restore();
}
