namespace ContentHub.Server.Media;

/// <summary>How a rendition fills the box of the requested width and height.</summary>
public enum ImageFit
{
    /// <summary>Fill the box, cutting off what does not fit while keeping the focal point in view.</summary>
    Cover,

    /// <summary>Fit inside the box, whole; the rendition may be smaller than the box in one direction.</summary>
    Contain,
}
