using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ContentHub.Server.Data;

/// <summary>Stores DateTime as UTC and reads it back marked as UTC, so it serialises with a trailing <c>Z</c>.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
