using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Shelf.Core.Data;

/// <summary>Writes times as UTC and marks the ones read back as UTC.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
