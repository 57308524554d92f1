namespace Shelf.Core.Features.Catalog;

/// <summary>
/// The stable codes of the errors about importing and exporting the catalog.
/// Hosts key their hints and status mappings on these constants, so a renamed or mistyped
/// code fails the build instead of a user.
/// </summary>
public static class CatalogErrorCodes
{
    public const string AllRejected = "import.all_rejected";
    public const string BadMapping = "import.bad_mapping";
    public const string CalibreList = "import.calibredb_list";
    public const string Binary = "import.binary";
    public const string ConcurrentChange = "import.concurrent_change";
    public const string ConcurrentWrite = "import.concurrent_write";
    public const string Empty = "import.empty";
    public const string ExportDirectoryMissing = "export.directory_missing";
    public const string ExportIsDirectory = "export.is_directory";
    public const string ExportUnwritable = "export.unwritable";
    public const string EncodingUnsure = "import.encoding_unsure";
    public const string FileMissing = "import.file_missing";
    public const string FormatAndMap = "import.format_and_map";
    public const string FormatMismatch = "import.format_mismatch";
    public const string IsDirectory = "import.is_directory";
    public const string JsonObject = "import.json_object";
    public const string JsonNotABook = "import.json_not_a_book";
    public const string Malformed = "import.malformed";
    public const string MalformedJson = "import.malformed_json";
    public const string MappingColumnMissing = "import.mapping_column_missing";
    public const string MappingFieldUnknown = "import.mapping_field_unknown";
    public const string MappingNoTitle = "import.mapping_no_title";
    public const string NoBook = "import.no_book";
    public const string NoFile = "import.no_file";
    public const string NoHeader = "import.no_header";
    public const string NoStdin = "import.no_stdin";
    public const string OrderNumberRepeated = "import.order_number_repeated";
    public const string RejectsUnwritable = "import.rejects_unwritable";
    public const string SkipTooFar = "import.skip_too_far";
    public const string Strict = "import.strict";
    public const string UnknownEncoding = "import.unknown_encoding";
    public const string UnknownFormat = "import.unknown_format";
    public const string UnknownFormatName = "import.unknown_format_name";
    public const string Unreadable = "import.unreadable";
}
