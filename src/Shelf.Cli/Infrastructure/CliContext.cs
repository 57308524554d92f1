using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core;
using Shelf.Core.Features.Catalog;

namespace Shelf.Cli.Infrastructure;

/// <summary>What one command invocation works with: the parsed line, the console, the chosen database.</summary>
internal sealed class CliContext(ParseResult parse, CliConsole console, GlobalOptions globals)
{
    public ParseResult Parse { get; } = parse;

    public CliConsole Console { get; } = console;

    public bool Verbose => Parse.GetValue(globals.Verbose);

    public OutputMode Mode => Parse.GetValue(globals.Json)
        ? OutputMode.Json
        : Console.OutputIsTerminal ? OutputMode.Table : OutputMode.Plain;

    /// <summary>Whether a question can be asked: input is a terminal and --no-input was not given.</summary>
    public bool CanAsk => Console.InputIsTerminal && !Parse.GetValue(globals.NoInput);

    /// <summary>
    /// Asks on stderr until an answer passes <paramref name="check"/> (each refusal says why and
    /// asks again); null when input ends. Ctrl+C cancels at once, even while waiting for a line.
    /// </summary>
    public async Task<string?> AskAsync(string label, Func<string, Error?> check, CancellationToken cancellationToken)
    {
        while (true)
        {
            Console.Error.Write($"{label}: ");
            var line = await Task.Run(Console.In.ReadLine, cancellationToken).WaitAsync(cancellationToken);
            if (line is null)
            {
                Console.Error.WriteLine();
                return null;
            }

            var answer = line.Trim();
            if (check(answer) is not { } problem)
            {
                return answer;
            }

            Console.Error.WriteLine($"  {OneLine(problem.Message)}; try again");
        }
    }

    /// <summary>
    /// For a destructive command, before the library is opened: the error when nobody can be
    /// asked (off a terminal, or --no-input) and --yes was not given.
    /// </summary>
    public Error? Unconfirmed(bool yes, string what, string code = CliErrorCodes.Unconfirmed) =>
        yes || CanAsk ? null : Error.Invalid(code, $"{what} needs confirmation: run it on a terminal to be asked, or add --yes");

    /// <summary>
    /// Asks "<paramref name="question"/> [y/N]": null when the command may go on, else the exit
    /// code of stopping (0, having said that nothing was changed). Only for when --yes was not given.
    /// </summary>
    public async Task<int?> ConfirmAsync(string question, CancellationToken cancellationToken)
    {
        var answer = await AskAsync($"{OneLine(question)} [y/N]", _ => null, cancellationToken);
        if (answer is not null && (answer.Equals("y", StringComparison.OrdinalIgnoreCase) || answer.Equals("yes", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        Note("nothing was changed");
        return ExitCodes.Ok;
    }

    /// <summary>The database the user chose; set once <see cref="OpenLibraryAsync"/> has resolved it.</summary>
    public DatabaseTarget? Target { get; private set; }

    public T? Get<T>(Option<T> option) => Parse.GetValue(option);

    /// <summary>The value given, else the option's default (null only for an option without one).</summary>
    public T? Get<T>(ChoiceOption<T> option)
        where T : struct, Enum => Parse.GetValue(option) ?? option.Default;

    public T? Get<T>(Argument<T> argument) => Parse.GetValue(argument);

    /// <summary>
    /// Composes the core for the library named by --db or SHELF_DB and opens it (on first use
    /// creating and migrating it) in a scope for this command.
    /// </summary>
    public async Task<Result<LibrarySession>> OpenLibraryAsync(CancellationToken cancellationToken)
    {
        var services = ComposeCore();
        if (!services.IsSuccess)
        {
            return services.Error!;
        }

        var scope = services.Value.CreateAsyncScope();
        var session = new LibrarySession(services.Value, scope);
        try
        {
            var database = scope.ServiceProvider.GetRequiredService<ShelfDatabase>();
            if (await database.PrepareAsync(scope.ServiceProvider.GetRequiredService<ShelfDbContext>(), cancellationToken) is { } error)
            {
                await session.DisposeAsync();
                return error;
            }

            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>The core's services for the chosen library, not yet touching it (for <c>db create</c> and <c>db migrate</c>).</summary>
    public Result<ServiceProvider> ComposeCore()
    {
        var target = ResolveTarget();
        if (!target.IsSuccess)
        {
            return target.Error!;
        }

        // A one-shot command is the only thing in its process: an import may give memory back at
        // once and sort on every core.
        return new ServiceCollection()
            .AddShelfCore(target.Value, options => options.Import = new ImportOptions { CollectAfterMatching = true, SortThreads = Environment.ProcessorCount })
            .BuildServiceProvider();
    }

    public Result<DatabaseTarget> ResolveTarget()
    {
        var target = DatabaseTarget.Resolve(Parse.GetValue(globals.Database), Console.Environment);
        if (target.IsSuccess)
        {
            Target = target.Value;
        }

        return target;
    }

    /// <summary>The currency of amounts typed without one: <c>SHELF_CURRENCY</c>, else USD.</summary>
    public Result<string> DefaultCurrency()
    {
        var configured = Console.Environment("SHELF_CURRENCY");
        if (string.IsNullOrWhiteSpace(configured))
        {
            return Currency.Fallback;
        }

        return Currency.TryParse(configured, out var code, out var error)
            ? code
            : Error.Invalid(ConfigurationErrorCodes.CurrencyInvalid, $"SHELF_CURRENCY {error}");
    }

    /// <summary>Reports an expected failure on stderr as one line and returns its exit code.</summary>
    public int Fail(Error error)
    {
        Console.Error.WriteLine($"error: {OneLine(CliHints.Append(error.Message, error.Code))}");
        return ExitCodes.For(error.Kind);
    }

    /// <summary>Writes what a change produced: the value as JSON with --json, else one confirmation line (none with --quiet).</summary>
    public void WriteResult<T>(T value, string confirmation)
    {
        if (Mode == OutputMode.Json)
        {
            JsonOutput.Write(Console.Out, value);
        }
        else if (!Quiet)
        {
            Console.Out.WriteLine(OneLine(confirmation));
        }
    }

    /// <summary>A human message for stderr, so stdout stays clean for data; <c>--quiet</c> drops it.</summary>
    public void Note(string message)
    {
        if (!Quiet)
        {
            Console.Error.WriteLine(OneLine(message));
        }
    }

    /// <summary>
    /// A line on stderr that <c>--quiet</c> keeps: a problem (a rejected row, a warning, a
    /// cancellation) or what the user asked to see (a dry run's differences).
    /// </summary>
    public void Report(string message) => Console.Error.WriteLine(OneLine(message));

    /// <summary>Whether <c>--quiet</c> asked for results and problems only.</summary>
    public bool Quiet => Parse.GetValue(globals.Quiet);

    // User data can hold line breaks and terminal escapes; an error message must stay one harmless line.
    internal static string OneLine(string text) =>
        new([.. text.Select(c => char.IsControl(c) ? ' ' : c)]);
}
