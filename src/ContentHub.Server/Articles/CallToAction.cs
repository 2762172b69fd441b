using GraphQL;

namespace ContentHub.Server.Articles;

/// <summary>An invitation to act, shown after an article's body.</summary>
[InputName("CallToActionInput")]
public sealed record CallToAction
{
    /// <summary>The sentence shown to the reader, as written.</summary>
    public required string Text { get; init; }

    /// <summary>The phone number the reader is asked to call, as printed.</summary>
    public string? PhoneNumber { get; init; }

    /// <summary>Where a button or link leads, if the action is a link.</summary>
    public string? Url { get; init; }
}
