using System.Diagnostics;

namespace Shelf.Testing;

/// <summary>
/// Counts the commands (round trips) Npgsql sends to one PostgreSQL database while it is alive,
/// EF's and raw ones alike, from Npgsql's tracing activities; other databases (other test classes
/// run in parallel) are not counted. A command of several statements counts once.
/// </summary>
public sealed class NpgsqlCommandCounter : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly List<string> _statements = [];

    public NpgsqlCommandCounter(string database)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (StatementOf(activity) is { } statement && activity.TagObjects.Any(t => t.Value is string value && value == database))
                {
                    lock (_statements)
                    {
                        _statements.Add(statement);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The commands sent since this counter was made.</summary>
    public int Count
    {
        get
        {
            lock (_statements)
            {
                return _statements.Count;
            }
        }
    }

    /// <summary>The text of each command sent, for a failing assertion to show.</summary>
    public string Statements
    {
        get
        {
            lock (_statements)
            {
                return string.Join(Environment.NewLine + "---" + Environment.NewLine, _statements);
            }
        }
    }

    public void Dispose() => _listener.Dispose();

    private static string? StatementOf(Activity activity) =>
        activity.TagObjects.FirstOrDefault(t => t.Key is "db.statement" or "db.query.text").Value as string;
}
