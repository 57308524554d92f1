using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Authors;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf authors [filter] [--by-books] [--limit N | --all] [--offset N]</c>: authors with their book counts.</summary>
internal sealed class AuthorListCommand : ShelfCommand
{
    private readonly Argument<string?> _filter = new("filter") { Description = "Only authors whose name contains this", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<bool> _byBooks = new("--by-books") { Description = "Most books first" };
    private readonly ListingOptions _page = new("authors");

    public AuthorListCommand(CliConsole console, GlobalOptions globals)
        : base("authors", "List authors with their book counts", console, globals)
    {
        Arguments.Add(_filter);
        Options.Add(_byBooks);
        _page.AddTo(this);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithDatabaseAsync<ListAuthors>(context, async listAuthors =>
        {
            var request = new ListAuthorsRequest
            {
                Filter = context.Get(_filter),
                ByBookCount = context.Get(_byBooks),
                Limit = _page.Fetch(context),
                Offset = context.Get(_page.Offset),
                CountTotal = context.Mode == OutputMode.Table,
            };
            var fetched = await listAuthors.ExecuteAsync(request, cancellationToken);
            if (FailIfError(context, fetched) is { } failed)
            {
                return failed;
            }

            var (authors, cut) = _page.Page(context, fetched.Value.Authors);
            AuthorRendering.WriteList(context, authors);
            await _page.NoteAsync(context, authors.Count, cut, fetched.Value.Total, async () =>
                (await listAuthors.ExecuteAsync(request with { Limit = 0, Offset = 0, CountTotal = true }, cancellationToken)).Value!.Total!.Value);
            return ExitCodes.Ok;
        }, cancellationToken);
}
