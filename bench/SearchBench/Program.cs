// Times SearchBooks in process on a library, the way a host calls it (a context per query):
//   Shelf.SearchBench <db> <queries file> <statements out file> [per-query times out file]
// Runs every query once to warm up, then once timed; prints "p50 p95 p99 N" in milliseconds, and
// writes the SQL each query ran (parameters inlined; they are folded words and numbers) to the
// statements file, one query per line, for the database's shell to replay as the floor.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Shelf.Core;
using Shelf.Core.Data;
using Shelf.Core.Features.Search;

var target = DatabaseTarget.Resolve(args[0], Environment.GetEnvironmentVariable);
if (!target.IsSuccess)
{
    Console.Error.WriteLine(target.Error!.Message);
    return 1;
}

await using var services = new ServiceCollection().AddShelfCore(target.Value).BuildServiceProvider();
var database = services.GetRequiredService<ShelfDatabase>();
var queries = File.ReadAllLines(args[1]).Where(q => q.Length > 0).ToList();
var statements = new StringBuilder();
var times = new List<double>();
var each = new StringBuilder();
for (var round = 0; round < 2; round++)
{
    foreach (var query in queries)
    {
        var opened = await database.OpenAsync(CancellationToken.None);
        await using var db = opened.Value;
        var sql = new List<string>();
        var search = new SearchBooks(db) { OnStatement = round == 1 ? (text, parameters) => sql.Add(Inline(text, parameters)) : null };
        var started = Stopwatch.GetTimestamp();
        var found = await search.ExecuteAsync(new SearchBooksRequest(query) { Limit = 20 }, CancellationToken.None);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!found.IsSuccess)
        {
            Console.Error.WriteLine($"'{query}': {found.Error!.Message}");
            return 1;
        }

        if (round == 1)
        {
            times.Add(elapsed);
            each.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{elapsed:F2}\t{query}"));
            statements.AppendLine(string.Join(' ', sql.Select(s => s.ReplaceLineEndings(" ") + ";")));
        }
    }
}

File.WriteAllText(args[2], statements.ToString());
if (args.Length > 3)
{
    File.WriteAllText(args[3], each.ToString());
}
times.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Percentile(50):F2} {Percentile(95):F2} {Percentile(99):F2} {times.Count}"));
return 0;

double Percentile(int p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p / 100.0 * times.Count) - 1)];

static string Inline(string sql, IReadOnlyList<(string Name, object Value)> parameters)
{
    // Longest names first, so @p1 never replaces the start of @p10.
    foreach (var (name, value) in parameters.OrderByDescending(p => p.Name.Length))
    {
        var literal = value is string text ? "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'" : Convert.ToString(value, CultureInfo.InvariantCulture)!;
        sql = sql.Replace("@" + name, literal, StringComparison.Ordinal);
    }

    return sql;
}
