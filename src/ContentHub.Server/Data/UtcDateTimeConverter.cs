using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ContentHub.Server.Data;

/// <summary>
/// Stores DateTime as UTC and reads it back marked as UTC, so it serialises with a trailing <c>Z</c>.
/// A value without a kind is taken to be UTC already, never the server's local time.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
