namespace ContentHub.Server.Content;

/// <summary>Content that goes through the draft → published → archived workflow.</summary>
public interface IPublishable
{
    int Id { get; }

    PublicationStatus Status { get; }

    int Version { get; }
}
