using System.Globalization;
using Microsoft.AspNetCore.Http;
using Shelf.Core.Common;

namespace Shelf.Web.Infrastructure;

/// <summary>
/// <c>limit</c> and <c>offset</c> of a listing, read from the query string with messages of their
/// own (a bound <c>int</c> would answer "abc" with a bare 400).
/// </summary>
internal sealed record Paging(int Limit, int Offset)
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 1000;

    public static Result<Paging> Read(string? limit, string? offset)
    {
        var take = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take is < 1 or > MaxLimit))
        {
            return Error.Invalid(WebErrorCodes.BadRequest, $"limit must be a whole number from 1 to {MaxLimit}, not '{UserText.Shorten(limit)}'");
        }

        var skip = 0;
        if (offset is not null && !int.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out skip))
        {
            return Error.Invalid(WebErrorCodes.BadRequest, $"offset must be a whole number, 0 or more, not '{UserText.Shorten(offset)}'");
        }

        return new Paging(take, skip);
    }

    /// <summary>
    /// The page of <paramref name="fetched"/> (read with one row more than the limit, so whether
    /// more follow is known without counting) and the link to the next one.
    /// </summary>
    public Page<T> PageOf<T>(IReadOnlyList<T> fetched, int? total, HttpRequest request)
    {
        var more = fetched.Count > Limit;
        return new Page<T>(fetched.Take(Limit).ToList(), total, Offset, Limit, more ? NextUrl(request) : null);
    }

    private string NextUrl(HttpRequest request)
    {
        var query = request.Query.Where(q => q.Key is not ("offset" or "limit"))
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append($"limit={Limit}")
            .Append(FormattableString.Invariant($"offset={Offset + Limit}"));
        return $"{request.PathBase}{request.Path}?{string.Join('&', query)}";
    }
}

/// <summary>
/// One page of a listing: the items, how many match in all when that is cheap to know (listings;
/// null for searches, where counting every match of a common word would cost more than the page),
/// and the URL of the next page, null on the last.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int? Total, int Offset, int Limit, string? Next);
