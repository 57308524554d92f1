namespace Shelf.Cli.Infrastructure;

/// <summary>How a command writes its result: a table for people, tab-separated text for pipes, JSON for scripts.</summary>
internal enum OutputMode
{
    Table,
    Plain,
    Json,
}
