using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Shelf.Core.Data;

/// <summary>
/// Lets a statement that starts with <see cref="Marker"/> run past the command timeout. For the few
/// migrations that rebuild something as large as the library (filling the search index of a
/// million books takes longer than the 30 s a command otherwise gets on PostgreSQL); every other
/// statement keeps its timeout.
/// </summary>
internal sealed class UnboundedStatements : DbCommandInterceptor
{
    public const string Marker = "/* shelf: no timeout */\n";

    public static readonly UnboundedStatements Instance = new();

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Lift(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Lift(command);
        return ValueTask.FromResult(result);
    }

    private static void Lift(DbCommand command)
    {
        if (command.CommandText.StartsWith(Marker, StringComparison.Ordinal))
        {
            command.CommandTimeout = 0;
        }
    }
}
