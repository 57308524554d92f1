using System.CommandLine;

namespace Shelf.Cli.Infrastructure;

/// <summary>Options every command takes (System.CommandLine passes them down because they are recursive).</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Database { get; } = new("--db")
    {
        Description = "Library to use: a SQLite file path, postgres://user@host:5432/db, an Npgsql connection string, mysql://user@host:3306/db (or mariadb://), or a MySQL connection string [default: $SHELF_DB, else $XDG_DATA_HOME/shelf/library.db, else ~/.local/share/shelf/library.db]",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write the result as JSON (stable camelCase fields) for scripts",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Show the full details of unexpected errors",
        Recursive = true,
    };

    public Option<bool> NoInput { get; } = new("--no-input")
    {
        Description = "Never ask: a command that would prompt fails instead (for scripts)",
        Recursive = true,
    };

    public Option<bool> Quiet { get; } = new("--quiet")
    {
        Description = "Print only results and problems: no progress bars, counts or confirmation lines",
        Recursive = true,
    };

    public void AddTo(Command root)
    {
        root.Options.Add(Quiet);
        root.Options.Add(NoInput);
        root.Options.Add(Database);
        root.Options.Add(Json);
        root.Options.Add(Verbose);
    }
}
