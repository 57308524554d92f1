using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Shelf.Core.Data;

/// <summary>
/// Makes Oracle's MySQL provider migrate on MariaDB. EF takes its migration lock with
/// <c>GET_LOCK('__EFMigrationsLock', -1)</c>, which MariaDB refuses (NULL: a negative timeout is
/// not "wait forever" there), and reads the answer as a BIGINT where MariaDB returns INT, so
/// <c>Migrate()</c> fails with "DBNull to Int64". This rewrites the timeout to a year and widens
/// the answer to <see cref="long"/>; on MySQL both are harmless. And the provider keeps the
/// index prefix lengths <see cref="MySqlShelfDb"/> sets on long text keys in the model but leaves
/// them out of <c>CREATE INDEX</c>, which the server then refuses ("key was too long"): this
/// writes them in, for Migrate and EnsureCreated alike. And it rewrites ExecuteDelete's aliased
/// DELETE into the form MariaDB reads. Registered on every MySQL context
/// (ShelfDbContextFactory) and in the design-time factory.
/// </summary>
internal sealed partial class MySqlCompatibility : DbCommandInterceptor
{
    public static readonly MySqlCompatibility Instance = new();

    private const string YearInSeconds = "31536000";

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Rewrite(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Rewrite(command);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) => Widen(command, result);

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Widen(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Rewrite(command);
        AddPrefixes(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Rewrite(command);
        AddPrefixes(command, eventData);
        return ValueTask.FromResult(result);
    }

    private static void AddPrefixes(DbCommand command, CommandEventData eventData)
    {
        if (eventData.Context is null || CreateIndex().Match(command.CommandText) is not { Success: true } match)
        {
            return;
        }

        var name = match.Groups["name"].Value;
        var index = eventData.Context.Model.GetEntityTypes().SelectMany(e => e.GetIndexes()).FirstOrDefault(i => i.GetDatabaseName() == name);
        if (index?.FindAnnotation(MySqlShelfDb.PrefixLengthAnnotation)?.Value is not int[] prefixes)
        {
            return;
        }

        var columns = match.Groups["columns"].Value.Split(',', StringSplitOptions.TrimEntries);
        var prefixed = columns.Select((column, i) => i < prefixes.Length && prefixes[i] > 0 ? $"{column}({prefixes[i].ToString(CultureInfo.InvariantCulture)})" : column);
        command.CommandText = string.Concat(command.CommandText.AsSpan(0, match.Groups["columns"].Index), string.Join(", ", prefixed), command.CommandText.AsSpan(match.Groups["columns"].Index + match.Groups["columns"].Length));
    }

    private static void Rewrite(DbCommand command)
    {
        if (command.CommandText.Contains("GET_LOCK", StringComparison.OrdinalIgnoreCase))
        {
            command.CommandText = NegativeTimeout().Replace(command.CommandText, "${lock}" + YearInSeconds + ")");
        }

        // ExecuteDelete writes DELETE FROM `t` AS `x`, which MySQL reads from 8.0.16 on but MariaDB
        // does not; the multi-table form names the alias first and means the same on both.
        command.CommandText = AliasedDelete().Replace(command.CommandText, "DELETE ${alias} FROM ${table} AS ${alias}");
    }

    private static object? Widen(DbCommand command, object? result) =>
        command.CommandText.Contains("GET_LOCK", StringComparison.OrdinalIgnoreCase) && result is int value
            ? Convert.ToInt64(value, CultureInfo.InvariantCulture)
            : result;

    [GeneratedRegex(@"^\s*CREATE\s+(UNIQUE\s+)?INDEX\s+`(?<name>[^`]+)`\s+ON\s+`[^`]+`\s*\((?<columns>[^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateIndex();

    [GeneratedRegex(@"^\s*DELETE\s+FROM\s+(?<table>`[^`]+`)\s+AS\s+(?<alias>`[^`]+`)", RegexOptions.IgnoreCase)]
    private static partial Regex AliasedDelete();

    [GeneratedRegex(@"(?<lock>GET_LOCK\s*\(\s*'[^']*'\s*,\s*)-1\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex NegativeTimeout();
}
