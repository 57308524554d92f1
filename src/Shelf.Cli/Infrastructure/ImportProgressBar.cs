using System.Diagnostics;
using System.Globalization;
using Shelf.Core.Features.Importing;
using Spectre.Console;

namespace Shelf.Cli.Infrastructure;

/// <summary>
/// Shows an import's progress on stderr when it is a terminal: a bar over the file's bytes, the
/// rows read and the rows per second, then what is left after the last row (indexes, checks,
/// the commit). Piped or redirected, it shows nothing.
/// </summary>
internal static class ImportProgressBar
{
    public static async Task<T> RunAsync<T>(CliContext context, string label, Func<IProgress<ImportProgress>?, Task<T>> work)
    {
        var console = context.Console;
        if (!console.ErrorIsTerminal || context.Quiet)
        {
            return await work(null);
        }

        var result = default(T)!;
        await console.CreateProgressConsole()
            .Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(label), maxValue: 1);
                var clock = Stopwatch.StartNew();
                var progress = new SynchronousProgress(p =>
                {
                    if (p.TotalBytes is > 0 and var total)
                    {
                        task.MaxValue = total;
                        task.Value = Math.Min(p.Bytes, total);
                    }

                    var perSecond = clock.Elapsed.TotalSeconds > 0 ? p.Rows / clock.Elapsed.TotalSeconds : 0;
                    task.Description = Markup.Escape(p.Step switch
                    {
                        // The bar is full by then, but a large import still has seconds of work: say which.
                        ImportStep.Finishing => string.Create(CultureInfo.InvariantCulture, $"{label}: {p.Rows:N0} rows read; building indexes and checking"),
                        ImportStep.Committing => string.Create(CultureInfo.InvariantCulture, $"{label}: {p.Rows:N0} rows read; saving"),
                        _ => string.Create(CultureInfo.InvariantCulture, $"{label}: {p.Rows:N0} rows, {perSecond:N0} rows/s"),
                    });
                });
                result = await work(progress);
                task.Value = task.MaxValue;
            });
        return result;
    }

    /// <summary>Progress&lt;T&gt; would post to the thread pool; Spectre's task is safe to update from the import's thread.</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
