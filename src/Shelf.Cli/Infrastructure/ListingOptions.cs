using System.CommandLine;
using System.Globalization;

namespace Shelf.Cli.Infrastructure;

/// <summary>
/// The page options every listing shares (<c>list</c>, <c>authors</c>, <c>shelves</c>,
/// <c>sale list</c>): <c>--limit</c> with one default, <c>--offset</c> and <c>--all</c>, and the one
/// line that says a listing was cut. A table says it under the table; piped or JSON output says it
/// on standard error, so a script can tell it got 100 of 10,000 without the data changing shape.
/// </summary>
internal sealed class ListingOptions
{
    public const int DefaultLimit = 100;

    private readonly string _noun;

    public ListingOptions(string noun)
    {
        _noun = noun;
        Limit = new Option<int?>("--limit", "-n") { Description = $"Show at most this many {noun} [default: {DefaultLimit}]" };
        Offset = new Option<int>("--offset") { Description = $"Skip this many {noun} first" };
        All = new Option<bool>("--all") { Description = $"Show every one of the {noun}" };
    }

    public Option<int?> Limit { get; }

    public Option<int> Offset { get; }

    public Option<bool> All { get; }

    public void AddTo(Command command)
    {
        command.Options.Add(Limit);
        command.Options.Add(Offset);
        command.Options.Add(All);
    }

    /// <summary>The page size asked for; null with <c>--all</c>.</summary>
    public int? PageSize(CliContext context) => context.Get(All) ? null : context.Get(Limit) ?? DefaultLimit;

    /// <summary>
    /// How many rows to ask the core for: one more than the page, so a cut is seen without
    /// counting the whole library; the extra row is never shown.
    /// </summary>
    public int? Fetch(CliContext context) => PageSize(context) is { } size ? (size == int.MaxValue ? size : size + 1) : null;

    /// <summary>The rows to show of what <see cref="Fetch"/> asked for, and whether there were more.</summary>
    public (IReadOnlyList<T> Shown, bool Cut) Page<T>(CliContext context, IReadOnlyList<T> fetched) =>
        PageSize(context) is { } size && fetched.Count > size ? ([.. fetched.Take(size)], true) : (fetched, false);

    /// <summary>
    /// Says how much was shown: under a table always ("20 of 97,326 authors"), elsewhere only when
    /// the page was cut. <paramref name="countAll"/> is only run when the total is needed and not known.
    /// </summary>
    public async Task NoteAsync(CliContext context, int shown, bool cut, int? total, Func<Task<int>> countAll)
    {
        if (context.Mode != OutputMode.Table && !cut)
        {
            return;
        }

        var all = total ?? await countAll();
        context.Note(context.Mode == OutputMode.Table
            ? string.Create(CultureInfo.InvariantCulture, $"{shown:N0} of {all:N0} {_noun}{(cut ? "; see more with --limit, --offset or --all" : string.Empty)}")
            : string.Create(CultureInfo.InvariantCulture, $"showing {shown:N0} of {all:N0} {_noun}; use --limit, --offset or --all"));
    }
}
