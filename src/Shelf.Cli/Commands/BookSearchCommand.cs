using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Search;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf search &lt;query&gt;</c>: the search language of <see cref="SearchQueryParser"/>, ranked.</summary>
internal sealed class BookSearchCommand : ShelfCommand
{
    private const string Help =
        """
        Find books, best matches first (exact title, then titles starting with the words, then relevance).

        Syntax (case and accents are ignored):
          river glass            every word, as the start of a word, in title, subtitle, series, author or publisher
          "the hobbit"           an exact phrase
          title:dune  author:"le guin"  series:discworld  publisher:penguin
          isbn:0-261-10221-4     or any ISBN alone, with or without hyphens
          shelf:favourites  status:read  language:eng
          year:1990  year:>=1990  year:<2000  year:1990..2000   (also rating: and pages:)
          -word  -author:king    leave out what matches
          dune OR foundation     either; OR binds closer than the implicit AND
        """;

    private readonly Argument<string[]> _words = new("query") { Description = "The search, in the syntax above", Arity = ArgumentArity.OneOrMore };
    private readonly Option<int> _limit = new("--limit", "-n") { Description = "Show at most this many books", DefaultValueFactory = _ => 50 };
    private readonly Option<int> _offset = new("--offset") { Description = "Skip this many books first" };
    private readonly ChoiceOption<BookSort> _sort = new("--sort", "Every match by title, author, year, pages, added or id instead of by relevance", defaultValue: null);
    private readonly Option<bool> _descending = new("--desc") { Description = "Reverse the --sort order" };

    public BookSearchCommand(CliConsole console, GlobalOptions globals)
        : base("search", Help, console, globals)
    {
        Arguments.Add(_words);
        Options.Add(_limit);
        Options.Add(_offset);
        Options.Add(_sort);
        Options.Add(_descending);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var request = new SearchBooksRequest(string.Join(' ', context.Get(_words) ?? []))
        {
            Limit = context.Get(_limit),
            Offset = context.Get(_offset),
            Sort = context.Get(_sort),
            Descending = context.Get(_descending),
        };
        return WithLibraryAsync<SearchBooks>(
            context,
            SearchBooks.ServesWithoutEf(request) ? library => ShowAsync(context, SearchBooks.ExecuteAsync(library, request, cancellationToken)) : null,
            searchBooks => ShowAsync(context, searchBooks.ExecuteAsync(request, cancellationToken)),
            cancellationToken);
    }

    private static async Task<int> ShowAsync(CliContext context, Task<Shelf.Core.Common.Result<IReadOnlyList<BookSummary>>> search)
    {
        var found = await search;
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
    }
}
