using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Shelf.Core.Data;

namespace Shelf.Core.Features.Merging;

/// <summary>
/// A row's values by column, read and written through the EF model: a merge record keeps whole
/// rows this way, so a field added to a table later is kept and restored without naming it here.
/// A column the database keeps itself (an author's book count, which EF never writes) is left out:
/// it is not the row's own data, and the merge itself changes it.
/// </summary>
internal static class RowValues
{
    public static Dictionary<string, JsonElement> Of(ShelfDbContext db, object entity)
    {
        var entry = db.Entry(entity);
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in entry.Metadata.GetProperties().Where(p => !KeptByTheDatabase(p)))
        {
            values[property.GetColumnName()] = JsonSerializer.SerializeToElement(entry.Property(property.Name).CurrentValue, property.ClrType, MergeJson.Options);
        }

        return values;
    }

    /// <summary>Sets every column <paramref name="values"/> holds, but those in <paramref name="skip"/>.</summary>
    public static void Apply(ShelfDbContext db, object entity, Dictionary<string, JsonElement> values, params string[] skip)
    {
        var entry = db.Entry(entity);
        foreach (var property in entry.Metadata.GetProperties())
        {
            var column = property.GetColumnName();
            if (!skip.Contains(column, StringComparer.Ordinal) && values.TryGetValue(column, out var value))
            {
                entry.Property(property.Name).CurrentValue = value.Deserialize(property.ClrType, MergeJson.Options);
            }
        }
    }

    private static bool KeptByTheDatabase(IProperty property) =>
        property.GetBeforeSaveBehavior() == PropertySaveBehavior.Ignore
        && property.GetAfterSaveBehavior() == PropertySaveBehavior.Ignore;

    /// <summary>The columns whose values differ (or are missing on one side).</summary>
    public static IEnumerable<string> Differences(Dictionary<string, JsonElement> expected, Dictionary<string, JsonElement> actual) =>
        expected.Keys.Union(actual.Keys, StringComparer.Ordinal)
            .Where(column => !(expected.TryGetValue(column, out var a) && actual.TryGetValue(column, out var b) && JsonElement.DeepEquals(a, b)));
}
