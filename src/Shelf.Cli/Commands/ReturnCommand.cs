using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Loans;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf return &lt;id|isbn&gt; [--from NAME]</c>: a book that is not out is exit 3.</summary>
internal sealed class ReturnCommand : ShelfCommand
{
    private readonly Argument<string> _book = new("book") { Description = "The book's id or ISBN" };
    private readonly Option<string?> _from = new("--from") { Description = "Whose copy came back, when it is out to more than one borrower" };

    public ReturnCommand(CliConsole console, GlobalOptions globals)
        : base("return", "Record that a lent book came back", console, globals)
    {
        Arguments.Add(_book);
        Options.Add(_from);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithDatabaseAsync<ReturnBook>(context, async returnBook =>
        {
            var returned = await returnBook.ExecuteAsync(new ReturnBookRequest(context.Get(_book)!) { Borrower = context.Get(_from) }, cancellationToken);
            if (FailIfError(context, returned) is { } failed)
            {
                return failed;
            }

            context.WriteResult(returned.Value, LoanRendering.Line(returned.Value, "returned by"));
            return ExitCodes.Ok;
        }, cancellationToken);
}
