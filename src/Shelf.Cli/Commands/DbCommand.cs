using System.CommandLine;
using Shelf.Cli.Infrastructure;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf db status|tables|create|migrate|backup|restore</c>.</summary>
internal sealed class DbCommand : Command
{
    public DbCommand(CliConsole console, GlobalOptions globals)
        : base("db", "Inspect, create, migrate, back up or restore the library's database")
    {
        Subcommands.Add(new DbStatusCommand(console, globals));
        Subcommands.Add(new DbTablesCommand(console, globals));
        Subcommands.Add(new DbCreateCommand(console, globals));
        Subcommands.Add(new DbMigrateCommand(console, globals));
        Subcommands.Add(new DbBackupCommand(console, globals));
        Subcommands.Add(new DbRestoreCommand(console, globals));
    }
}
