namespace ContentHub.Server.Content;

/// <summary>Where an item is in its editorial life. Only published items are visible to anonymous readers.</summary>
public enum PublicationStatus
{
    /// <summary>Being written; visible to editors only.</summary>
    Draft = 0,

    /// <summary>Live for everyone.</summary>
    Published = 1,

    /// <summary>Withdrawn from the public; kept for the record.</summary>
    Archived = 2,

    /// <summary>Deleted to the trash: hidden from everyone until restored (as a draft) or purged.</summary>
    Trashed = 3,
}
