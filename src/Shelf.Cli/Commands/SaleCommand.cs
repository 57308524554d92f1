using System.CommandLine;
using Shelf.Cli.Infrastructure;

namespace Shelf.Cli.Commands;

/// <summary><c>shelf sale add|list|show|edit|refund|delete|report|import</c>: the sales ledger.</summary>
internal sealed class SaleCommand : Command
{
    public SaleCommand(CliConsole console, GlobalOptions globals)
        : base("sale", "Record, list, refund and report sales of books in the catalog")
    {
        Subcommands.Add(new SaleAddCommand(console, globals));
        Subcommands.Add(new SaleListCommand(console, globals));
        Subcommands.Add(new SaleShowCommand(console, globals));
        Subcommands.Add(new SaleEditCommand(console, globals));
        Subcommands.Add(new SaleRefundCommand(console, globals));
        Subcommands.Add(new SaleDeleteCommand(console, globals));
        Subcommands.Add(new SaleReportCommand(console, globals));
        Subcommands.Add(new SaleImportCommand(console, globals));
    }
}
