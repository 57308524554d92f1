using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Shelf.Core.Common;
using Shelf.Core.Data;

namespace Shelf.Cli.Infrastructure;

/// <summary>
/// Base of every command: turns parse → <see cref="ExecuteAsync"/> → exit code, and maps the
/// outside world failing (database unreachable, disk full) to one line instead of a stack trace.
/// </summary>
internal abstract class ShelfCommand : Command
{
    protected ShelfCommand(string name, string description, CliConsole console, GlobalOptions globals)
        : base(name, description)
    {
        SetAction((parse, cancellationToken) => RunAsync(new CliContext(parse, console, globals), cancellationToken));
    }

    protected abstract Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken);

    /// <summary>Opens the library, runs <paramref name="action"/> with the use case from the command's scope, and closes it.</summary>
    protected static Task<int> WithDatabaseAsync<TUseCase>(CliContext context, Func<TUseCase, Task<int>> action, CancellationToken cancellationToken)
        where TUseCase : notnull =>
        WithServicesAsync(context, services => action(services.GetRequiredService<TUseCase>()), cancellationToken);

    /// <summary>
    /// Runs <paramref name="plain"/> on the library opened without EF Core when it is a SQLite
    /// file already current (a one-shot command then starts in about half the time), else
    /// <paramref name="action"/> with the use case as <see cref="WithDatabaseAsync{TUseCase}(CliContext, Func{TUseCase, Task{int}}, CancellationToken)"/>
    /// does, which also creates, migrates or refuses the library. A null <paramref name="plain"/>
    /// (the request needs EF) goes that way at once.
    /// </summary>
    protected static async Task<int> WithLibraryAsync<TUseCase>(CliContext context, Func<SqliteLibrary, Task<int>>? plain, Func<TUseCase, Task<int>> action, CancellationToken cancellationToken)
        where TUseCase : notnull
    {
        if (plain is not null && context.ResolveTarget() is { IsSuccess: true } target
            && await SqliteLibrary.TryOpenAsync(target.Value, cancellationToken) is { } library)
        {
            await using (library)
            {
                return await plain(library);
            }
        }

        return await WithDatabaseAsync(context, action, cancellationToken);
    }

    /// <summary>The same with two use cases of one scope (they share its context).</summary>
    protected static Task<int> WithDatabaseAsync<TFirst, TSecond>(CliContext context, Func<TFirst, TSecond, Task<int>> action, CancellationToken cancellationToken)
        where TFirst : notnull
        where TSecond : notnull =>
        WithServicesAsync(context, services => action(services.GetRequiredService<TFirst>(), services.GetRequiredService<TSecond>()), cancellationToken);

    /// <summary>Opens the library and runs <paramref name="action"/> in the command's scope.</summary>
    protected static async Task<int> WithServicesAsync(CliContext context, Func<IServiceProvider, Task<int>> action, CancellationToken cancellationToken)
    {
        var opened = await context.OpenLibraryAsync(cancellationToken);
        if (!opened.IsSuccess)
        {
            return context.Fail(opened.Error!);
        }

        await using var session = opened.Value;
        return await action(session.Services);
    }

    /// <summary>
    /// Runs <paramref name="action"/> with the library's opener without opening it first: for the
    /// commands that create or migrate the library itself.
    /// </summary>
    protected static async Task<int> WithLibraryAsync(CliContext context, Func<ShelfDatabase, Task<int>> action)
    {
        var services = context.ComposeCore();
        if (!services.IsSuccess)
        {
            return context.Fail(services.Error!);
        }

        await using var provider = services.Value;
        return await action(provider.GetRequiredService<ShelfDatabase>());
    }

    private async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await ExecuteAsync(context, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Report("cancelled; nothing was changed");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (context.Target is { } target && DatabaseErrors.Translate(e, target) is { } error)
        {
            if (context.Verbose)
            {
                context.Console.Error.WriteLine(e);
            }

            return context.Fail(error);
        }
    }

    /// <summary>Writes a result error or returns null so the caller can go on with the value.</summary>
    protected static int? FailIfError<T>(CliContext context, Result<T> result) =>
        result.IsSuccess ? null : context.Fail(result.Error!);
}
