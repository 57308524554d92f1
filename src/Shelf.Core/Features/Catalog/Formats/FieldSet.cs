namespace Shelf.Core.Features.Catalog.Formats;

/// <summary>Builds a mapper's <see cref="ICatalogMapper.Fields"/> from the columns a file actually has.</summary>
internal static class FieldSet
{
    /// <summary>The fields whose column (any of those given for it) exists, i.e. has an index of 0 or more.</summary>
    public static CatalogField Of(params (CatalogField Field, int Column)[] columns)
    {
        var fields = CatalogField.None;
        foreach (var (field, column) in columns)
        {
            if (column >= 0)
            {
                fields |= field;
            }
        }

        return fields;
    }
}
