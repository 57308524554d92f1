using System.CommandLine;

namespace Shelf.Cli.Infrastructure;

/// <summary>
/// Two or three examples for every command, printed under its help as gh and git do. One table,
/// so they read as a set; <c>CommandExamplesTests</c> checks every command has them and that each
/// one parses as written.
/// </summary>
internal static class CommandExamples
{
    private static readonly Dictionary<string, string[]> ByCommand = new(StringComparer.Ordinal)
    {
        [""] = ["shelf import goodreads_library_export.csv", "shelf search author:tolkien", "shelf help list"],
        ["add"] = ["shelf add \"The Hobbit\" --author \"J.R.R. Tolkien\" --pages 310 --isbn 978-0-261-10221-7", "shelf add \"Good Omens\" --author \"Terry Pratchett\" --author \"Neil Gaiman\"", "shelf add  # asks for each field on a terminal"],
        ["list"] = ["shelf list --sort author", "shelf list --status reading --shelf favourites", "shelf list --all --json > books.json"],
        ["show"] = ["shelf show 12", "shelf show 978-0-261-10221-7", "shelf show 12 --json"],
        ["search"] = ["shelf search tolkien hobbit", "shelf search 'author:\"ursula le guin\" year:1960..1975 -status:read'", "shelf search 9780261102217"],
        ["edit"] = ["shelf edit 12 --status read --rating 4 --date-read 2026-03-09", "shelf edit 12 --shelf favourites --remove-shelf to-sort", "shelf edit --where 'author:pratchett shelf:to-sort' --shelf discworld --remove-shelf to-sort --dry-run"],
        ["remove"] = ["shelf remove 12", "shelf remove 978-0-261-10221-7 --yes", "shelf remove --where 'shelf:duplicates' --dry-run"],
        ["duplicates"] = ["shelf duplicates", "shelf duplicates --limit 10", "shelf duplicates --json > duplicates.json"],
        ["merge"] = ["shelf merge 12 15", "shelf merge 12 15 17 --take publisher=15 --take pages=17 --yes", "shelf merge --undo 3"],
        ["merges"] = ["shelf merges", "shelf merges --json"],
        ["authors"] = ["shelf authors", "shelf authors tolkien", "shelf authors --by-books --limit 10"],
        ["author"] = ["shelf author show \"Ursula K. Le Guin\"", "shelf author rename 7 \"Ursula K. Le Guin\"", "shelf author merge \"U. K. Le Guin\" \"Ursula K. Le Guin\""],
        ["author show"] = ["shelf author show 7", "shelf author show \"le guin, ursula k.\" --json"],
        ["author rename"] = ["shelf author rename 7 \"Ursula K. Le Guin\"", "shelf author rename \"tolkien\" \"J.R.R. Tolkien\""],
        ["author merge"] = ["shelf author merge \"U. K. Le Guin\" \"Ursula K. Le Guin\"", "shelf author merge 12 7 --yes"],
        ["shelves"] = ["shelf shelves", "shelf shelves --json"],
        ["import"] = ["shelf import goodreads_library_export.csv", "shelf import librarything.tsv --dry-run", "shelf import books.csv --map \"Book Title=title\" --map \"Writer=author\" --rejects bad.csv"],
        ["export"] = ["shelf export -o library.csv", "shelf export --format json -o library.json", "shelf export --format goodreads > goodreads.csv"],
        ["lend"] = ["shelf lend 12 --to \"Anne Dupré\" --for 3w", "shelf lend 978-0-261-10221-7 --to Bob --due 2026-12-24 --note \"with the map\"", "shelf lend 12 --to Bob --contact \"bob@example.org\""],
        ["return"] = ["shelf return 12", "shelf return 12 --from \"Anne Dupré\""],
        ["loans"] = ["shelf loans", "shelf loans --overdue", "shelf loans --borrower \"anne dupre\" --history --json"],
        ["sale"] = ["shelf sale add --book 12 --quantity 2", "shelf sale list --from 2026-01-01", "shelf sale report --by month"],
        ["sale add"] = ["shelf sale add --book 12 --quantity 2", "shelf sale add --book 978-0-261-10221-7 -q 1 --price 12.50 --discount 10%"],
        ["sale list"] = ["shelf sale list", "shelf sale list --from 2026-01-01 --to 2026-01-31", "shelf sale list --author tolkien --json"],
        ["sale show"] = ["shelf sale show S-2026-0001", "shelf sale show S-2026-0001 --json"],
        ["sale edit"] = ["shelf sale edit S-2026-0001 --quantity 3", "shelf sale edit S-2026-0001 --price 11.00 --discount 0"],
        ["sale refund"] = ["shelf sale refund S-2026-0001", "shelf sale refund S-2026-0001 --quantity 1 --date 2026-02-03"],
        ["sale delete"] = ["shelf sale delete S-2026-0001", "shelf sale delete S-2026-0001 --yes"],
        ["sale import"] = ["shelf sale import sales.csv", "shelf sale import sales.csv --dry-run --rejects bad-sales.csv"],
        ["sale report"] = ["shelf sale report", "shelf sale report --by author --from 2026-01-01", "shelf sale report --by book --json"],
        ["stats"] = ["shelf stats", "shelf stats --year 2026", "shelf stats --json > stats.json"],
        ["db"] = ["shelf db status", "shelf db create --db postgres://shelf@localhost:5432/library", "shelf db migrate"],
        ["db create"] = ["shelf db create", "shelf db create --db postgres://shelf@localhost:5432/library"],
        ["db status"] = ["shelf db status", "shelf db status --json"],
        ["db tables"] = ["shelf db tables", "shelf db tables --db ~/books/library.db"],
        ["db migrate"] = ["shelf db migrate", "shelf db migrate --db postgres://shelf@localhost:5432/library"],
        ["db backup"] = ["shelf db backup ~/backups/library.shelf-backup", "shelf db backup library.shelf-backup --db postgres://shelf@localhost:5432/library"],
        ["db restore"] = ["shelf db restore library.shelf-backup --db ~/books/new-library.db", "shelf db restore library.shelf-backup --db postgres://shelf@localhost:5432/library", "shelf db restore library.shelf-backup --replace --yes"],
        ["serve"] = ["shelf serve", "shelf serve --urls http://127.0.0.1:8080 --public", "shelf serve --db postgres://shelf@localhost:5432/library --max-upload 200 --import-job-size 20"],
        ["user"] = ["shelf user add ann --role owner", "shelf user list", "shelf user role bob viewer"],
        ["user add"] = ["shelf user add ann --role owner  # asks for the password twice", "shelf user add bob --role editor --password-stdin  # reads it from standard input"],
        ["user list"] = ["shelf user list", "shelf user list --json"],
        ["user remove"] = ["shelf user remove bob", "shelf user remove bob --yes"],
        ["user passwd"] = ["shelf user passwd ann", "shelf user passwd ann --password-stdin  # reads it from standard input"],
        ["user role"] = ["shelf user role bob editor", "shelf user role ann owner"],
        ["token"] = ["shelf token create --user ann --label backup", "shelf token list", "shelf token revoke 3"],
        ["token create"] = ["shelf token create --user ann --label backup  # TOKEN=$(...) keeps it in a variable", "shelf token create --user ann --json"],
        ["token list"] = ["shelf token list", "shelf token list --user ann --json"],
        ["token revoke"] = ["shelf token revoke 3", "shelf token revoke 3 --json"],
        ["help"] = ["shelf help", "shelf help sale report"],
        ["completion"] = ["shelf completion bash > ~/.local/share/bash-completion/completions/shelf", "shelf completion zsh > \"${fpath[1]}/_shelf\"", "shelf completion fish > ~/.config/fish/completions/shelf.fish"],
    };

    /// <summary>The examples of a command, by its path below the root ("sale report"); none for an unknown path.</summary>
    public static IReadOnlyList<string> For(string path) => ByCommand.TryGetValue(path, out var examples) ? examples : [];

    /// <summary>Every command path that has examples.</summary>
    public static IEnumerable<string> Paths => ByCommand.Keys;

    /// <summary>The path of a command below the root: "sale report", or "" for the root itself.</summary>
    public static string PathOf(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Command is not RootCommand; result = (System.CommandLine.Parsing.CommandResult)result.Parent!)
        {
            names.Insert(0, result.Command.Name);
        }

        return string.Join(' ', names);
    }

    /// <summary>Writes the examples after a command's help.</summary>
    public static void Write(TextWriter output, string path)
    {
        var examples = For(path);
        if (examples.Count == 0)
        {
            return;
        }

        output.WriteLine("Examples:");
        foreach (var example in examples)
        {
            output.WriteLine($"  {example}");
        }

        output.WriteLine();
    }
}
