using System.CommandLine;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Features.Loans;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf loans [--overdue] [--borrower NAME] [--history]</c>: what is out, oldest loan first.</summary>
internal sealed class LoanListCommand : ShelfCommand
{
    private readonly Option<bool> _overdue = new("--overdue") { Description = "Only loans past their due day" };
    private readonly Option<string?> _borrower = new("--borrower") { Description = "Only this borrower's loans" };
    private readonly Option<string?> _book = new("--book") { Description = "Only this book's loans (id or ISBN)" };
    private readonly Option<bool> _history = new("--history") { Description = "Returned loans too, and those of books removed since" };

    public LoanListCommand(CliConsole console, GlobalOptions globals)
        : base("loans", "List the books that are lent out (or every loan, with --history)", console, globals)
    {
        Options.Add(_overdue);
        Options.Add(_borrower);
        Options.Add(_book);
        Options.Add(_history);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken) =>
        WithDatabaseAsync<ListLoans>(context, async listLoans =>
        {
            var request = new ListLoansRequest
            {
                Overdue = context.Get(_overdue),
                Borrower = context.Get(_borrower),
                Book = context.Get(_book),
                History = context.Get(_history),
            };
            var loans = await listLoans.ExecuteAsync(request, cancellationToken);
            if (FailIfError(context, loans) is { } failed)
            {
                return failed;
            }

            LoanRendering.WriteList(context, loans.Value);
            if (context.Mode == OutputMode.Table)
            {
                context.Note(loans.Value.Count switch
                {
                    0 => request.History ? "No loans recorded." : "Nothing is lent out.",
                    1 => "1 loan.",
                    var n => $"{n} loans.",
                });
            }

            return ExitCodes.Ok;
        }, cancellationToken);
}
