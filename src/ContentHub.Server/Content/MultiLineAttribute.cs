namespace ContentHub.Server.Content;

/// <summary>
/// Marks a text field whose value may span lines (Markdown and prose): it may hold tabs, line feeds, carriage returns
/// and U+2028/U+2029. Every other text field is a single line (see <see cref="TextCharacters"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MultiLineAttribute : Attribute;
