using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Authors;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf authors [filter] [--by-books] [--limit N]</c>: authors with their book counts.</summary>
internal sealed class AuthorListCommand : ShelfCommand
{
    private readonly Argument<string?> _filter = new("filter") { Description = "Only authors whose name contains this", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<bool> _byBooks = new("--by-books") { Description = "Most books first" };
    private readonly Option<int?> _limit = new("--limit", "-n") { Description = "Show at most this many authors" };

    public AuthorListCommand(CliConsole console, GlobalOptions globals)
        : base("authors", "List authors with their book counts", console, globals)
    {
        Arguments.Add(_filter);
        Options.Add(_byBooks);
        Options.Add(_limit);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithDatabaseAsync<ListAuthors>(context, async listAuthors =>
        {
            var authors = await listAuthors.ExecuteAsync(
                new ListAuthorsRequest { Filter = context.Get(_filter), ByBookCount = context.Get(_byBooks), Limit = context.Get(_limit) },
                cancellationToken);
            if (FailIfError(context, authors) is { } failed)
            {
                return failed;
            }

            AuthorRendering.WriteList(context, authors.Value);
            return ExitCodes.Ok;
        }, cancellationToken);
}
