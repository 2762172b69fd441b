namespace ContentHub.Server.Media;

/// <summary>The <c>code</c> values of user errors about uploaded files and assets.</summary>
public static class MediaErrorCodes
{
    /// <summary>The file is larger than <c>Media:MaxBytes</c>.</summary>
    public const string FileTooLarge = "FILE_TOO_LARGE";

    /// <summary>The file's first bytes are none of JPEG, PNG, WebP, AVIF or GIF (its name and declared type are not looked at).</summary>
    public const string UnsupportedFormat = "UNSUPPORTED_FORMAT";

    /// <summary>The file is an SVG drawing, which can carry scripts and links and is not accepted.</summary>
    public const string SvgNotAccepted = "SVG_NOT_ACCEPTED";

    /// <summary>Width × height, read from the header before decoding, is over <c>Media:MaxPixels</c>.</summary>
    public const string TooManyPixels = "TOO_MANY_PIXELS";

    /// <summary>An animation has more frames than <c>Media:MaxFrames</c>.</summary>
    public const string TooManyFrames = "TOO_MANY_FRAMES";

    /// <summary>The file starts like an image but its header or data is broken.</summary>
    public const string CorruptImage = "CORRUPT_IMAGE";

    /// <summary>The asset is referenced by published items and cannot be purged.</summary>
    public const string InUse = "IN_USE";
}
