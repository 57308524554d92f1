using System.CommandLine;
using System.Globalization;
using Shelf.Cli.Infrastructure;
using Shelf.Core.Common;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Merging;

namespace Shelf.Cli.Commands;

/// <summary>
/// <c>shelf merge KEEP OTHER... [--take FIELD=ID ...] [--yes]</c>: merges books into the first one,
/// in one transaction; <c>shelf merge --undo ID</c> undoes a book or author merge. Both ask first
/// on a terminal and need --yes in scripts.
/// </summary>
internal sealed class BookMergeCommand : ShelfCommand
{
    private readonly Argument<string[]> _books = new("books") { Description = "The book to keep, then the books to merge into it (ids or ISBNs)", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string[]> _take = new("--take") { Description = "Take a field from a given book: FIELD=ID, such as publisher=15 (repeatable); otherwise a field empty on the kept book comes from the first book that has it", AllowMultipleArgumentsPerToken = false };
    private readonly Option<long?> _undo = new("--undo") { Description = "Undo the merge with this id (see 'shelf merges'): book and author merges alike" };
    private readonly Option<bool> _yes = new("--yes", "-y") { Description = "Merge (or undo) without asking" };

    public BookMergeCommand(CliConsole console, GlobalOptions globals)
        : base("merge", "Merge books into the first one named (credits, shelves, ids, extras, loans and sales move to it), or undo a merge", console, globals)
    {
        Arguments.Add(_books);
        Options.Add(_take);
        Options.Add(_undo);
        Options.Add(_yes);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var books = context.Get(_books) ?? [];
        var undo = context.Get(_undo);
        var yes = context.Get(_yes);
        if (undo is not null && (books.Length > 0 || (context.Get(_take) ?? []).Length > 0))
        {
            return context.Fail(Error.Invalid(CliErrorCodes.MergeOrUndo, "give books to merge or --undo ID, not both"));
        }

        if (undo is null && books.Length == 0)
        {
            return context.Fail(Error.Invalid(MergeErrorCodes.NothingToMerge, "name the book to keep and at least one book to merge into it"));
        }

        if (context.Unconfirmed(yes, undo is { } id ? string.Create(CultureInfo.InvariantCulture, $"undoing merge {id}") : $"merging {string.Join(", ", books.Skip(1))} into {books[0]}") is { } unconfirmed)
        {
            return context.Fail(unconfirmed);
        }

        return undo is { } mergeId
            ? await UndoAsync(context, mergeId, yes, cancellationToken)
            : await MergeAsync(context, books, yes, cancellationToken);
    }

    private Task<int> MergeAsync(CliContext context, string[] books, bool yes, CancellationToken cancellationToken) =>
        WithDatabaseAsync<GetBook, MergeBooks>(context, async (getBook, mergeBooks) =>
        {
            if (!yes && books.Length > 1)
            {
                // Only to name the books in the question; the merge finds them again.
                var named = new List<BookDetails>();
                foreach (var reference in books)
                {
                    var book = await getBook.ExecuteAsync(reference, cancellationToken);
                    if (FailIfError(context, book) is { } missing)
                    {
                        return missing;
                    }

                    named.Add(book.Value);
                }

                var others = string.Join(", ", named.Skip(1).Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Id} ({b.Title})")));
                if (await context.ConfirmAsync(string.Create(CultureInfo.InvariantCulture, $"Merge book(s) {others} into book {named[0].Id} ({named[0].Title} by {string.Join(", ", named[0].Authors)}) and remove them?"), cancellationToken) is { } stopped)
                {
                    return stopped;
                }
            }

            var merged = await mergeBooks.ExecuteAsync(new MergeBooksRequest(books[0], [.. books.Skip(1)]) { Take = context.Get(_take) ?? [] }, cancellationToken);
            if (FailIfError(context, merged) is { } failed)
            {
                return failed;
            }

            var m = merged.Value;
            var taken = m.FieldsTaken.Count == 0 ? string.Empty : $"; took {string.Join(", ", m.FieldsTaken)}";
            context.WriteResult(m, string.Create(
                CultureInfo.InvariantCulture,
                $"Merged book(s) {string.Join(", ", m.RemovedIds)} into book {m.Kept.Id} ({m.Kept.Title}): {m.CreditsAdded} credit(s), {m.ShelvesAdded} shelf/shelves added, {m.IdentifiersMoved} id(s), {m.LoansMoved} loan(s), {m.SalesMoved} sale(s) moved{taken}. Merge {m.MergeId}: 'shelf merge --undo {m.MergeId}' undoes it"));
            return ExitCodes.Ok;
        }, cancellationToken);

    private static Task<int> UndoAsync(CliContext context, long mergeId, bool yes, CancellationToken cancellationToken) =>
        WithDatabaseAsync<ListMerges, UndoMerge>(context, async (listMerges, undoMerge) =>
        {
            if (!yes && (await listMerges.ExecuteAsync(cancellationToken)).Value.FirstOrDefault(m => m.Id == mergeId) is { } record)
            {
                var question = string.Create(CultureInfo.InvariantCulture, $"Undo merge {record.Id}: put back {record.Kind.ToString().ToLowerInvariant()}(s) {string.Join(", ", record.RemovedIds)} ({string.Join(", ", record.RemovedNames)}) merged into {record.KeptId} ({record.KeptName})?");
                if (await context.ConfirmAsync(question, cancellationToken) is { } stopped)
                {
                    return stopped;
                }
            }

            var undone = await undoMerge.ExecuteAsync(mergeId, cancellationToken);
            if (FailIfError(context, undone) is { } failed)
            {
                return failed;
            }

            var u = undone.Value;
            context.WriteResult(u, string.Create(
                CultureInfo.InvariantCulture,
                $"Undid merge {u.MergeId}: {u.Kind.ToString().ToLowerInvariant()}(s) {string.Join(", ", u.RestoredIds)} restored from {u.KeptId}"));
            return ExitCodes.Ok;
        }, cancellationToken);
}
