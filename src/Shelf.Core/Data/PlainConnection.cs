using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Shelf.Core.Data;

/// <summary>
/// An open connection, the transaction on it when one is open, and its provider: what the plain
/// SQL paths run on, whether the connection is an EF context's or a <see cref="SqliteLibrary"/>'s.
/// </summary>
internal readonly record struct PlainConnection(DbConnection Connection, DbTransaction? Transaction, DatabaseProvider Provider)
{
    /// <summary>The context's connection, opened (opening an open one only counts it), with its current transaction.</summary>
    public static async Task<PlainConnection> OfAsync(ShelfDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        return new PlainConnection(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), db.Provider);
    }

    /// <summary>A command on the connection, in its transaction, with <c>@name</c> parameters (null as NULL).</summary>
    public DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
