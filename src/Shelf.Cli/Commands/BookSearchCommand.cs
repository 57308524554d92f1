using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Books;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf search &lt;text&gt;</c>: every word must appear in the title or an author's name.</summary>
internal sealed class BookSearchCommand : ShelfCommand
{
    private readonly Argument<string[]> _words = new("text") { Description = "Words from the title or an author's name; case and accents are ignored", Arity = ArgumentArity.OneOrMore };
    private readonly Option<int> _limit = new("--limit", "-n") { Description = "Show at most this many books", DefaultValueFactory = _ => 50 };

    public BookSearchCommand(CliConsole console, GlobalOptions globals)
        : base("search", "Find books by title or author", console, globals)
    {
        Arguments.Add(_words);
        Options.Add(_limit);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithDatabaseAsync<SearchBooks>(context, async searchBooks =>
        {
            var query = string.Join(' ', context.Get(_words) ?? []);
            var found = await searchBooks.ExecuteAsync(query, context.Get(_limit), cancellationToken);
            if (FailIfError(context, found) is { } failed)
            {
                return failed;
            }

            BookRendering.WriteList(context, found.Value);
            if (context.Mode == OutputMode.Table && found.Value.Count == 0)
            {
                context.Note("no books match");
            }

            return ExitCodes.Ok;
        }, cancellationToken);
}
