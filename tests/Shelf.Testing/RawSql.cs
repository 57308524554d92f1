using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Shelf.Core.Data;

namespace Shelf.Testing;

/// <summary>
/// Plain SQL on a context's own connection (and its open transaction), bypassing EF's change
/// tracking and validation, for tests about what the database itself accepts. Parameters are
/// written <c>@name</c>, which SQLite and Npgsql both read.
/// </summary>
public static class RawSql
{
    /// <summary>Runs a statement; returns the number of rows it changed.</summary>
    public static async Task<int> ExecuteAsync(this ShelfDbContext db, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = await CreateCommandAsync(db, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a query and returns the first column of the first row, converted to <typeparamref name="T"/>.</summary>
    public static async Task<T> ScalarAsync<T>(this ShelfDbContext db, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = await CreateCommandAsync(db, sql, parameters);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull
            ? throw new InvalidOperationException($"The query returned no value: {sql}")
            : (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a query and returns each row as its columns joined by " | ", NULL as "∅": easy to compare and to read in a failure.</summary>
    public static async Task<List<string>> RowsAsync(this ShelfDbContext db, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = await CreateCommandAsync(db, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            rows.Add(string.Join(" | ", values.Select(v => v is DBNull ? "∅" : Convert.ToString(v, CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    private static async Task<DbCommand> CreateCommandAsync(ShelfDbContext db, string sql, (string Name, object? Value)[] parameters)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync();
        }

        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
