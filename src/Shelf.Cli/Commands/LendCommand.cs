using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Loans;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf lend &lt;id|isbn&gt; --to NAME [--due DATE | --for 3w] [--note TEXT] [--contact TEXT]</c>.</summary>
internal sealed class LendCommand : ShelfCommand
{
    private readonly Argument<string> _book = new("book") { Description = "The book's id or ISBN" };
    private readonly Option<string?> _to = new("--to") { Description = "Who borrows it (matched like authors: case and accents folded)" };
    private readonly Option<string?> _due = new("--due") { Description = "The day it is due back (2026-12-24)" };
    private readonly Option<string?> _for = new("--for") { Description = "Or how long from today: 10d, 3w, 2m" };
    private readonly Option<string?> _note = new("--note") { Description = "A note on the loan" };
    private readonly Option<string?> _contact = new("--contact") { Description = "How to reach the borrower (kept with them; replaces the one kept)" };

    public LendCommand(CliConsole console, GlobalOptions globals)
        : base("lend", "Lend a copy of a book; a book is out to at most as many borrowers as it has owned copies", console, globals)
    {
        Arguments.Add(_book);
        Options.Add(_to);
        Options.Add(_due);
        Options.Add(_for);
        Options.Add(_note);
        Options.Add(_contact);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithDatabaseAsync<LendBook>(context, async lendBook =>
        {
            var request = new LendBookRequest(context.Get(_book)!, context.Get(_to) ?? string.Empty)
            {
                Due = context.Get(_due),
                Period = context.Get(_for),
                Note = context.Get(_note),
                Contact = context.Get(_contact),
            };
            var lent = await lendBook.ExecuteAsync(request, cancellationToken);
            if (FailIfError(context, lent) is { } failed)
            {
                return failed;
            }

            context.WriteResult(lent.Value, LoanRendering.Line(lent.Value, "lent to"));
            return ExitCodes.Ok;
        }, cancellationToken);
}
